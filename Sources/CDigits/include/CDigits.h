#ifndef CDIGITS_H
#define CDIGITS_H

#include <stddef.h>

/// The bytes of digits.csv: scikit-learn's `sklearn/datasets/data/digits.csv.gz` (version 1.9.1),
/// decompressed and otherwise unchanged. 1,797 rows of 65 integers: 64 pixels (0..16) of an 8x8
/// handwritten digit, row by row, then its label (0..9). A copy of the test set of the UCI
/// "Optical Recognition of Handwritten Digits" data, E. Alpaydin and C. Kaynak, CC BY 4.0.
const unsigned char *backprop_digits_csv(void);

/// How many bytes `backprop_digits_csv` holds.
size_t backprop_digits_csv_count(void);

#endif
