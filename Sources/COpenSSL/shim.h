#ifndef LEDGER_COPENSSL_SHIM_H
#define LEDGER_COPENSSL_SHIM_H

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#endif
