#include "CDigits.h"

// The file is compiled into the program, so the preset works wherever the binary is copied,
// with no resource bundle to find and nothing read at run time.
#pragma clang diagnostic ignored "-Wc23-extensions"
static const unsigned char digits[] = {
#embed "digits.csv"
};

const unsigned char *backprop_digits_csv(void) { return digits; }

size_t backprop_digits_csv_count(void) { return sizeof(digits); }
