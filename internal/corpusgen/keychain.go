package corpusgen

import "strings"

// valKind says how a dictionary value is spelled in each language.
type valKind int

const (
	vConst valKind = iota // a Security constant: kSecClassGenericPassword
	vParam                // the function's parameter
	vProp                 // the object's scope property (a parameter in C)
	vStr                  // a string literal
	vTag                  // an application tag built from the parameter
	vTrue                 // true / @YES / kCFBooleanTrue
	vData                 // the value parameter (Data / NSData / CFDataRef)
)

type val struct {
	kind valKind
	s    string
}

type entry struct {
	key string
	v   val
}

// itemClass is a keychain item class as the generated code uses it.
type itemClass struct {
	name   string  // kSecClassGenericPassword
	param  string  // name of the identifying parameter
	prop   string  // name of the scope property
	ids    []entry // identifying attributes besides kSecClass
	extras []string
	wrong  string // an attribute this class does not have
	inC    bool
}

var classes = []itemClass{
	{
		name: "kSecClassGenericPassword", param: "account", prop: "service",
		ids:    []entry{{"kSecAttrService", val{vProp, ""}}, {"kSecAttrAccount", val{vParam, ""}}},
		extras: []string{"kSecAttrLabel", "kSecAttrComment", "kSecAttrDescription"},
		wrong:  "kSecAttrServer", inC: true,
	},
	{
		name: "kSecClassGenericPassword", param: "account", prop: "service",
		ids:    []entry{{"kSecAttrService", val{vProp, ""}}, {"kSecAttrAccount", val{vParam, ""}}},
		extras: []string{"kSecAttrLabel", "kSecAttrDescription"},
		wrong:  "kSecAttrPath", inC: true,
	},
	{
		name: "kSecClassGenericPassword", param: "account", prop: "service",
		ids:    []entry{{"kSecAttrService", val{vProp, ""}}, {"kSecAttrAccount", val{vParam, ""}}},
		extras: []string{"kSecAttrComment", "kSecAttrLabel"},
		wrong:  "kSecAttrServer", inC: true,
	},
	{
		name: "kSecClassInternetPassword", param: "account", prop: "server",
		ids: []entry{
			{"kSecAttrServer", val{vProp, ""}},
			{"kSecAttrAccount", val{vParam, ""}},
			{"kSecAttrProtocol", val{vConst, "kSecAttrProtocolHTTPS"}},
		},
		extras: []string{"kSecAttrLabel", "kSecAttrComment", "kSecAttrDescription", "kSecAttrPath"},
		wrong:  "kSecAttrService", inC: true,
	},
	{
		name: "kSecClassKey", param: "tag", prop: "tagPrefix",
		ids: []entry{
			{"kSecAttrApplicationTag", val{vTag, ""}},
			{"kSecAttrKeyType", val{vConst, "kSecAttrKeyTypeECSECPrimeRandom"}},
			{"kSecAttrKeyClass", val{vConst, "kSecAttrKeyClassPrivate"}},
		},
		extras: []string{"kSecAttrLabel"},
		wrong:  "kSecAttrAccount",
	},
}

var accessibles = []string{
	"kSecAttrAccessibleAfterFirstUnlock",
	"kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly",
	"kSecAttrAccessibleWhenUnlocked",
	"kSecAttrAccessibleWhenUnlockedThisDeviceOnly",
}

var labels = []string{"Sign-in token", "Sync credentials", "Backup passphrase", "API key", "Device secret", "Refresh token"}

// kc is the state of a keychain file.
type kc struct {
	*gen
	cls     *itemClass
	helpers []string // names of query helpers emitted so far
}

func (g *gen) newKC(allowKey bool) *kc {
	var cands []*itemClass
	for i := range classes {
		c := &classes[i]
		if g.spec.Lang == C && !c.inC {
			continue
		}
		if !allowKey && c.name == "kSecClassKey" {
			continue
		}
		cands = append(cands, c)
	}
	return &kc{gen: g, cls: cands[g.r.Intn(len(cands))]}
}

// value renders v in the file's language.
func (k *kc) value(v val) string {
	p, prop := k.cls.param, k.cls.prop
	switch k.spec.Lang {
	case Swift:
		switch v.kind {
		case vConst:
			return v.s
		case vParam:
			return p
		case vProp:
			return prop
		case vStr:
			return `"` + v.s + `"`
		case vTag:
			return "Data((" + prop + " + " + p + ").utf8)"
		case vTrue:
			return "true"
		case vData:
			return "value"
		}
	case ObjC:
		switch v.kind {
		case vConst:
			return "(__bridge id)" + v.s
		case vParam:
			return p
		case vProp:
			return "self." + prop
		case vStr:
			return `@"` + v.s + `"`
		case vTag:
			return "[[self." + prop + " stringByAppendingString:" + p + "] dataUsingEncoding:NSUTF8StringEncoding]"
		case vTrue:
			return "@YES"
		case vData:
			return "value"
		}
	default:
		switch v.kind {
		case vConst:
			return v.s
		case vParam:
			return p
		case vProp:
			return prop
		case vStr:
			return `CFSTR("` + v.s + `")`
		case vTag:
			return p
		case vTrue:
			return "kCFBooleanTrue"
		case vData:
			return "value"
		}
	}
	return v.s
}

// key renders a dictionary key.
func (k *kc) key(name string) string {
	switch k.spec.Lang {
	case Swift:
		return name + " as String"
	case ObjC:
		return "(__bridge id)" + name
	}
	return name
}

// idEntries are kSecClass and the identifying attributes, plus sometimes a
// mistake.
func (k *kc) idEntries() []entry {
	es := []entry{{"kSecClass", val{vConst, k.cls.name}}}
	es = append(es, k.cls.ids...)
	return k.maybeWrong(es)
}

func (k *kc) maybeWrong(es []entry) []entry {
	if k.chance(MistakeRate) {
		es = append(es, entry{k.cls.wrong, val{vStr, "legacy"}})
	}
	return es
}

func (k *kc) extra() entry {
	return entry{k.pick(k.cls.extras), val{vStr, k.pick(labels)}}
}

func (k *kc) accessible() entry {
	return entry{"kSecAttrAccessible", val{vConst, k.pick(accessibles)}}
}

// literal renders the entries of a dictionary literal, one per line, each
// line indented by ind.
func (k *kc) literal(ind string, es []entry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(ind)
		b.WriteString(k.key(e.key))
		b.WriteString(": ")
		b.WriteString(k.value(e.v))
		b.WriteString(",\n")
	}
	return b.String()
}

// sets renders writes into the dictionary variable dict: subscripts
// (Swift, Objective-C), setObject:forKey: (Objective-C, or NSMutableDictionary
// in Swift when ns is set) or CFDictionarySetValue (C).
func (k *kc) sets(ind, dict string, es []entry, ns bool) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(ind)
		v := k.value(e.v)
		switch k.spec.Lang {
		case Swift:
			if ns {
				b.WriteString(dict + ".setObject(" + v + ", forKey: " + e.key + " as NSString)\n")
			} else {
				b.WriteString(dict + "[" + e.key + " as String] = " + v + "\n")
			}
		case ObjC:
			if ns || k.chance(0.3) {
				b.WriteString("[" + dict + " setObject:" + v + " forKey:(__bridge id)" + e.key + "];\n")
			} else {
				b.WriteString(dict + "[(__bridge id)" + e.key + "] = " + v + ";\n")
			}
		default:
			b.WriteString("CFDictionarySetValue(" + dict + ", " + e.key + ", " + v + ");\n")
		}
	}
	return b.String()
}

// helper returns the name of a query helper, usually an existing one.
func (k *kc) helper() string {
	return k.helpers[k.r.Intn(len(k.helpers))]
}
