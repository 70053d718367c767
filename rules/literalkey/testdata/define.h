// A header that names keys through macros (used by define.m).
#define KCServiceKey @"kSecAttrService"
#define KCShortAccountKey @"acct"
