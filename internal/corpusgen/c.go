package corpusgen

import "strings"

const cKCHead = `#include <CoreFoundation/CoreFoundation.h>
#include <Security/Security.h>
#include <TargetConditionals.h>

static CFMutableDictionaryRef new_mutable_dictionary(void)
{
    return CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
                                     &kCFTypeDictionaryKeyCallBacks,
                                     &kCFTypeDictionaryValueCallBacks);
}

const char *{pre}_describe_status(OSStatus status)
{
    switch (status) {
    case errSecSuccess:
        return "ok";
    case errSecItemNotFound:
        return "not found";
    case errSecDuplicateItem:
        return "duplicate";
    case errSecInteractionNotAllowed:
        return "locked";
    default:
        return "unexpected";
    }
}
`

func (g *gen) cKeychain() {
	k := g.newKC(false)
	s := g.spec
	name := snake(s.typ)
	g.header(name+".c", "CoreFoundation keychain helpers shared by the extensions and the command-line tools.")
	g.emit(cKCHead, "{pre}", name)
	k.cHelper(name)
	for !g.full(0) {
		switch g.r.Intn(7) {
		case 0:
			k.cHelper(name)
		case 1:
			k.cStore(name)
		case 2:
			k.cCopy(name)
		case 3:
			k.cDelete(name)
		case 4:
			k.cDeleteAll(name)
		case 5:
			k.cWrapper(name)
		default:
			g.cPlainFunc(name)
		}
	}
}

func (k *kc) cHelper(pre string) {
	name := pre + "_base_query" + k.next()
	k.helpers = append(k.helpers, name)
	mac := ""
	if k.chance(0.6) {
		mac = "#if TARGET_OS_OSX\n    CFDictionarySetValue(query, kSecUseDataProtectionKeychain, kCFBooleanTrue);\n#endif\n"
	}
	k.emit(`
static CFMutableDictionaryRef {name}(CFStringRef {prop}, CFStringRef {p})
{
    CFMutableDictionaryRef query = new_mutable_dictionary();
{sets}{mac}    return query;
}
`, "{name}", name, "{prop}", k.cls.prop, "{p}", k.cls.param, "{sets}", k.sets("    ", "query", k.idEntries(), false), "{mac}", mac)
}

func (k *kc) cCall() string {
	return k.helper() + "(" + k.cls.prop + ", " + k.cls.param + ")"
}

func (k *kc) cStore(pre string) {
	attrs := []entry{{"kSecValueData", val{vData, ""}}}
	if k.chance(0.5) {
		attrs = append(attrs, k.extra())
	}
	k.emit(`
OSStatus {pre}_store{n}(CFStringRef {prop}, CFStringRef {p}, CFDataRef value)
{
    CFMutableDictionaryRef query = {call};
    CFMutableDictionaryRef attributes = new_mutable_dictionary();
{attrs}
    OSStatus status = SecItemUpdate(query, attributes);
    if (status == errSecItemNotFound) {
        CFMutableDictionaryRef item = {call};
{sets}        status = SecItemAdd(item, NULL);
        CFRelease(item);
    }

    CFRelease(attributes);
    CFRelease(query);
    return status;
}
`, "{pre}", pre, "{n}", k.next(), "{prop}", k.cls.prop, "{p}", k.cls.param, "{call}", k.cCall(),
		"{attrs}", k.sets("    ", "attributes", k.maybeWrong(attrs), false),
		"{sets}", k.sets("        ", "item", []entry{{"kSecValueData", val{vData, ""}}, k.accessible()}, false))
}

func (k *kc) cCopy(pre string) {
	sets := []entry{{"kSecReturnData", val{vTrue, ""}}, {"kSecMatchLimit", val{vConst, "kSecMatchLimitOne"}}}
	k.emit(`
CFDataRef {pre}_copy{n}(CFStringRef {prop}, CFStringRef {p}, OSStatus *out_status)
{
    CFMutableDictionaryRef query = {call};
{sets}
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching(query, &result);
    CFRelease(query);

    if (out_status != NULL) {
        *out_status = status;
    }
    if (status != errSecSuccess) {
        return NULL;
    }
    return (CFDataRef)result;
}
`, "{pre}", pre, "{n}", k.next(), "{prop}", k.cls.prop, "{p}", k.cls.param, "{call}", k.cCall(),
		"{sets}", k.sets("    ", "query", k.maybeWrong(sets), false))
}

func (k *kc) cDelete(pre string) {
	k.emit(`
OSStatus {pre}_delete{n}(CFStringRef {prop}, CFStringRef {p})
{
    CFMutableDictionaryRef query = {call};
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    if (status == errSecItemNotFound) {
        status = errSecSuccess;
    }
    return status;
}
`, "{pre}", pre, "{n}", k.next(), "{prop}", k.cls.prop, "{p}", k.cls.param, "{call}", k.cCall())
}

func (k *kc) cDeleteAll(pre string) {
	k.emit(`
OSStatus {pre}_delete_all{n}(void)
{
    const void *keys[] = { kSecClass, kSecMatchLimit };
    const void *values[] = { {cls}, kSecMatchLimitAll };
    CFDictionaryRef query = CFDictionaryCreate(kCFAllocatorDefault, keys, values, 2,
                                               &kCFTypeDictionaryKeyCallBacks,
                                               &kCFTypeDictionaryValueCallBacks);
    OSStatus status = SecItemDelete(query);
    CFRelease(query);
    if (status == errSecItemNotFound) {
        status = errSecSuccess;
    }
    return status;
}
`, "{pre}", pre, "{n}", k.next(), "{cls}", k.cls.name)
}

func (k *kc) cWrapper(pre string) {
	n := k.next()
	k.emit(`
static OSStatus {pre}_add_item{n}(CFDictionaryRef attributes)
{
    return SecItemAdd(attributes, NULL);
}

int {pre}_add{n}(CFStringRef {prop}, CFStringRef {p}, CFDataRef value)
{
    CFMutableDictionaryRef item = {call};
{sets}    OSStatus status = {pre}_add_item{n}(item);
    CFRelease(item);
    if (status == errSecDuplicateItem) {
        return 1;
    }
    return status == errSecSuccess ? 0 : -1;
}
`, "{pre}", pre, "{n}", n, "{prop}", k.cls.prop, "{p}", k.cls.param, "{call}", k.cCall(),
		"{sets}", k.sets("    ", "item", []entry{{"kSecValueData", val{vData, ""}}, k.accessible()}, false))
}

const cPlainHead = `#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char name[64];
    uint32_t count;
    double score;
} {pre}_entry;

static int {pre}_compare(const void *a, const void *b)
{
    const {pre}_entry *x = a;
    const {pre}_entry *y = b;
    if (x->score < y->score) {
        return 1;
    }
    if (x->score > y->score) {
        return -1;
    }
    return strcmp(x->name, y->name);
}
`

func (g *gen) cPlain() {
	name := snake(g.spec.typ)
	g.header(name+".c", "Small utilities for the "+strings.ToLower(g.spec.ent)+" importer.")
	g.emit(cPlainHead, "{pre}", name)
	for !g.full(0) {
		g.cPlainFunc(name)
	}
}

func (g *gen) cPlainFunc(pre string) {
	r := []string{"{pre}", pre, "{n}", g.next()}
	switch g.r.Intn(5) {
	case 0:
		g.emit(`
static uint32_t {pre}_hash{n}(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s != '\0') {
        h ^= (uint8_t)*s++;
        h *= 16777619u;
    }
    return h;
}
`, r...)
	case 1:
		g.emit(`
int {pre}_find{n}(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0) {
            return (int)i;
        }
    }
    return -1;
}
`, r...)
	case 2:
		g.emit(`
const char *{pre}_label{n}(uint32_t count)
{
    switch (count) {
    case 0:
        return "none";
    case 1:
        return "one";
    default:
        break;
    }
    if (count < 10) {
        return "few";
    }
    return "many";
}
`, r...)
	case 3:
		g.emit(`
double {pre}_average{n}(const double *values, size_t n)
{
    double sum = 0.0;
    if (n == 0) {
        return 0.0;
    }
    for (size_t i = 0; i < n; i++) {
        sum += values[i];
    }
    return sum / (double)n;
}
`, r...)
	default:
		g.emit(`
size_t {pre}_format{n}(char *buf, size_t size, const char *name, unsigned count)
{
    int written = snprintf(buf, size, "%s: %u item%s", name, count, count == 1 ? "" : "s");
    if (written < 0) {
        buf[0] = '\0';
        return 0;
    }
    return (size_t)written < size ? (size_t)written : size - 1;
}
`, r...)
	}
}
