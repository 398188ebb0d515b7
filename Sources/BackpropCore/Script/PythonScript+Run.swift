extension PythonScript {
    /// SplitMix64 and each epoch's order (`SeededGenerator`, `BatchOrder`).
    var batchLines: [String] {
        [
            "# " + rule("the batches"),
            "MASK = (1 << 64) - 1  # Python's integers never overflow: every step is cut back to 64 bits",
            "",
            "",
            "def splitmix64(state):",
            "    \"\"\"The program's random generator, SplitMix64: the next state and its 64 random bits.\"\"\"",
            "    state = (state + 0x9E3779B97F4A7C15) & MASK",
            "    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & MASK",
            "    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK",
            "    return state, z ^ (z >> 31)",
            "",
            "",
            "def epoch_order(epoch):",
            "    \"\"\"The order in which epoch `epoch + 1` visits the training samples (rows of x_train): a",
            "    Fisher-Yates shuffle driven by SEED mixed with the epoch, or the data's order.\"\"\"",
            "    order = list(range(len(x_train)))",
            "    if not SHUFFLE:",
            "        return order",
            "    state = SEED ^ (((epoch + 1) * 0xD6E8FEB86659FD93) & MASK)",
            "    for j in range(len(order) - 1, 0, -1):",
            "        state, bits = splitmix64(state)",
            "        k = bits % (j + 1)",
            "        order[j], order[k] = order[k], order[j]",
            "    return order",
        ]
    }

    /// `right_count`, `report` and `diverged`: what a line of the trace says.
    var reportLines: [String] {
        var lines = ["# " + rule("what each step prints")]
        if let classes {
            lines += Self.rightCountLines(classes) + ["", ""]
        }
        if scenario.penalty.isActive {
            lines += [
                "def penalty_value():",
                "    \"\"\"The penalty for the current weights: lambda times the sum of |w| (l1), or lambda/2 times",
                "    the sum of w^2 (l2), over every weight of every layer.\"\"\"",
                "    kind, strength = PENALTY",
                "    weights = np.concatenate([W.ravel() for W in (\((1...layerCount).map { "W\($0)" }.joined(separator: ", ")))])",
                "    if kind == \"l1\":",
                "        return strength * total(np.abs(weights))",
                "    return strength / 2 * total(weights * weights)",
                "",
                "",
            ]
        }
        lines += [
            "def report(step, values, rows):",
            "    \"\"\"Prints the CSV line after `step` steps and returns its cost; values is the forward pass",
            "    of the training samples, and rows the step's samples (rows of x_train).\"\"\"",
            "    \(forwardValues.joined(separator: ", ")) = values",
            "    cells = [str(step), repr(cost(\(costArgument), y_train))]",
        ]
        if hasTest {
            lines.append("    *_, a_test, yhat_test = forward(x_test)")
            let argument = scenario.loss.isClassification ? "a_test" : "yhat_test"
            lines.append("    cells.append(repr(cost(\(argument), y_test)))")
        }
        if classes != nil {
            lines.append("    cells.append(repr(right_count(yhat, y_train) / len(y_train)))")
            if hasTest { lines.append("    cells.append(repr(right_count(yhat_test, y_test) / len(y_test)))") }
        }
        if scenario.penalty.isActive { lines.append("    cells.append(repr(penalty_value()))") }
        if printsEpoch {
            lines.append("    # The epoch of the step that led here, from 1: one that ended its epoch counts there.")
            lines.append("    cells.append(str(epoch if used == 0 else epoch + 1))")
        }
        if printsBatch {
            lines.append("    cells.append(\" \".join(str(TRAIN[r]) for r in rows))")
        }
        lines += [
            "    print(\",\".join(cells))",
            "    return float(cells[1])",
            "",
            "",
            "def diverged(C):",
            "    \"\"\"Whether the cost, a parameter or what the optimizer remembers is no longer a finite number:",
            "    the program stops there (with exit status 3), and so does this script.\"\"\"",
            "    arrays = [\(parameterNames.joined(separator: ", "))] + [a for kept in memory.values() for a in kept.values()]",
            "    return not math.isfinite(C) or not all(np.isfinite(a).all() for a in arrays)",
        ]
        return lines
    }

    /// `right_count(yhat, y)` by `classes`' rule (`TargetClasses.isRight`): a tie, a ŷ on the
    /// threshold and a NaN are never right.
    static func rightCountLines(_ classes: TargetClasses) -> [String] {
        switch classes {
        case .oneHot:
            return [
                "def right_count(yhat, y):",
                "    \"\"\"How many samples yhat gets right: its largest output at the target's 1, larger than every",
                "    other (a tie, or a NaN, names no class).\"\"\"",
                "    target = np.argmax(y == 1, axis=1)",
                "    chosen = yhat[np.arange(len(y)), target]",
                "    others = np.ones(yhat.shape, dtype=bool)",
                "    others[np.arange(len(y)), target] = False",
                "    beaten = np.where(others, yhat < chosen[:, None], True).all(axis=1)",
                "    return int(np.count_nonzero(beaten & ~np.isnan(chosen)))",
            ]
        case .binary, .signed:
            let threshold = classes == .binary ? "0.5" : "0.0"
            return [
                "def right_count(yhat, y):",
                "    \"\"\"How many samples yhat gets right: every output on its target's side of \(threshold) (one",
                "    exactly on it, or a NaN, is on neither).\"\"\"",
                "    right = np.where(y == 1, yhat > \(threshold), yhat < \(threshold))",
                "    return int(np.count_nonzero(right.all(axis=1)))",
            ]
        }
    }

    /// The run: step 0's line, then each step (its batch, forward, backward, update) and its line.
    var runLines: [String] {
        [
            "# " + rule("the run"),
            "# Where the run is in the epochs: those completed, and the training samples the current one",
            "# has used.",
            "epoch, used = \(scenario.epochsDone), \(scenario.samplesIntoEpoch < scenario.trainingCount ? scenario.samplesIntoEpoch : 0)",
            "order, order_epoch = None, None",
            "print(\"\(columns.joined(separator: ","))\")",
            "values = forward(x_train)",
            "C = report(0, values, [])",
            "if diverged(C):",
            "    print(\"the cost is not a finite number at step 0: the numbers are too large to train on\", file=sys.stderr)",
            "    sys.exit(3)",
            "for step in range(1, STEPS + 1):",
            "    if BATCH is None or BATCH >= len(x_train):",
            "        # Every training sample, whose forward pass the last line was made from.",
            "        rows = list(range(len(x_train)))",
            "        batch = values",
            "    else:",
            "        if order_epoch != epoch:",
            "            order, order_epoch = epoch_order(epoch), epoch",
            "        rows = order[used:used + BATCH]",
            "        batch = forward(x_train[rows])",
            "    update(len(rows), *backward(x_train[rows], y_train[rows], *batch))",
            "    used += len(rows)",
            "    if used >= len(x_train):",
            "        epoch, used = epoch + 1, 0",
            "    values = forward(x_train)",
            "    C = report(step, values, rows)",
            "    if diverged(C):",
            "        print(f\"training diverged at step {step}: a number is no longer finite\", file=sys.stderr)",
            "        sys.exit(3)",
        ]
    }
}
