import BackpropCore
var t = Trainer(scenario: Preset.seed.scenario)
for _ in 0..<3 { t.step(); print(t.cost) }
t.run(steps: 997); print(t.cost, t.layer)
