package corpusgen

import "strings"

const objcKCHead = `#import <Foundation/Foundation.h>
#import <Security/Security.h>

static NSString *const {T}ErrorDomain = @"com.example.{e}.keychain";

static OSStatus {T}DeleteItem(NSDictionary *query)
{
    return SecItemDelete((__bridge CFDictionaryRef)query);
}

@interface {T} : NSObject

@property (nonatomic, copy, readonly) NSString *{prop};
@property (nonatomic, copy, nullable) NSString *accessGroup;

- (instancetype)initWith{Prop}:(NSString *){prop};

@end

@implementation {T}

- (instancetype)initWith{Prop}:(NSString *){prop}
{
    self = [super init];
    if (self) {
        _{prop} = [{prop} copy];
    }
    return self;
}

- (NSError *)errorWithStatus:(OSStatus)status
{
    return [NSError errorWithDomain:{T}ErrorDomain code:status userInfo:nil];
}
`

func (g *gen) objcKeychain() {
	k := g.newKC(true)
	s := g.spec
	prop := k.cls.prop
	g.header(s.typ+".m", "Keychain access for "+strings.ToLower(s.ent)+" secrets, kept from the 1.x code base.")
	g.emit(objcKCHead, "{T}", s.typ, "{e}", strings.ToLower(s.ent), "{prop}", prop, "{Prop}", strings.ToUpper(prop[:1])+prop[1:])
	k.objcHelper()
	for !g.full(6) {
		switch g.r.Intn(11) {
		case 0:
			k.objcHelper()
		case 1:
			k.objcSaveLiteral()
		case 2:
			k.objcReadSwitch()
		case 3:
			k.objcUpdateOrAdd()
		case 4:
			k.objcDelete()
		case 5:
			k.objcWrapper()
		case 6:
			k.objcListAll()
		case 7:
			k.objcRemoveAll()
		case 8:
			k.objcReadIfElse()
		default:
			g.objcPlainHelper()
		}
	}
	g.emit("\n@end\n")
}

func (k *kc) objcHelper() {
	name := "baseQuery" + k.next()
	k.helpers = append(k.helpers, name)
	mac := ""
	if k.chance(0.6) {
		mac = "#if TARGET_OS_OSX\n    query[(__bridge id)kSecUseDataProtectionKeychain] = @YES;\n#endif\n"
	}
	k.emit(`
#pragma mark - Queries

- (NSMutableDictionary *){name}For{P}:(NSString *){p}
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
{sets}    if (self.accessGroup != nil) {
        query[(__bridge id)kSecAttrAccessGroup] = self.accessGroup;
    }
{mac}    return query;
}
`, "{name}", name, "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{sets}", k.sets("    ", "query", k.idEntries(), false), "{mac}", mac)
}

// call renders a call of a query helper.
func (k *kc) objcCall() string {
	return "[self " + k.helper() + "For" + upperFirst(k.cls.param) + ":" + k.cls.param + "]"
}

func (k *kc) objcSaveLiteral() {
	es := append(k.idEntries(), entry{"kSecValueData", val{vData, ""}}, k.accessible())
	if k.chance(0.5) {
		es = append(es, k.extra())
	}
	k.emit(`
#pragma mark - Saving

- (BOOL)save{E}{n}:(NSData *)value for{P}:(NSString *){p} error:(NSError **)error
{
    NSDictionary *attributes = @{
{lit}    };
    OSStatus status = SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
    if (status != errSecSuccess) {
        if (error) {
            *error = [self errorWithStatus:status];
        }
        return NO;
    }
    return YES;
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{lit}", k.literal("        ", es))
}

func (k *kc) objcReadSwitch() {
	sets := []entry{{"kSecReturnData", val{vTrue, ""}}, {"kSecMatchLimit", val{vConst, "kSecMatchLimitOne"}}}
	k.emit(`
#pragma mark - Reading

- (nullable NSData *)read{E}{n}For{P}:(NSString *){p} error:(NSError **)error
{
    NSMutableDictionary *query = {call};
{sets}
    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    switch (status) {
        case errSecSuccess:
            return (__bridge_transfer NSData *)result;
        case errSecItemNotFound:
            return nil;
        case errSecInteractionNotAllowed:
            NSLog(@"keychain is locked; retrying after first unlock");
            if (error) {
                *error = [self errorWithStatus:status];
            }
            return nil;
        default:
            if (error) {
                *error = [self errorWithStatus:status];
            }
            return nil;
    }
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{call}", k.objcCall(),
		"{sets}", k.sets("    ", "query", k.maybeWrong(sets), false))
}

func (k *kc) objcReadIfElse() {
	k.emit(`
- (nullable NSString *)string{E}{n}For{P}:(NSString *){p}
{
    NSMutableDictionary *query = [{call} mutableCopy];
    [query setObject:@YES forKey:(__bridge id)kSecReturnData];

    CFTypeRef result = NULL;
    OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (status == errSecItemNotFound) {
        return nil;
    } else if (status != errSecSuccess) {
        NSLog(@"SecItemCopyMatching failed: %d", (int)status);
        return nil;
    }
    NSData *data = (__bridge_transfer NSData *)result;
    return [[NSString alloc] initWithData:data encoding:NSUTF8StringEncoding];
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{call}", k.objcCall())
}

func (k *kc) objcUpdateOrAdd() {
	attrs := []entry{{"kSecValueData", val{vData, ""}}}
	if k.chance(0.6) {
		attrs = append(attrs, k.extra())
	}
	k.emit(`
#pragma mark - Updating

- (BOOL)store{E}{n}:(NSData *)value for{P}:(NSString *){p}
{
    NSMutableDictionary *query = {call};
    NSDictionary *attributes = @{
{lit}    };
    OSStatus status = SecItemUpdate((__bridge CFDictionaryRef)query, (__bridge CFDictionaryRef)attributes);
    if (status == errSecItemNotFound) {
{sets}        status = SecItemAdd((__bridge CFDictionaryRef)query, NULL);
    }
    return status == errSecSuccess;
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{call}", k.objcCall(),
		"{lit}", k.literal("        ", k.maybeWrong(attrs)),
		"{sets}", k.sets("        ", "query", []entry{{"kSecValueData", val{vData, ""}}, k.accessible()}, false))
}

func (k *kc) objcDelete() {
	if k.chance(0.5) {
		k.emit(`
#pragma mark - Deleting

- (BOOL)delete{E}{n}For{P}:(NSString *){p}
{
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef){call});
    return status == errSecSuccess || status == errSecItemNotFound;
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{call}", k.objcCall())
		return
	}
	k.emit(`
- (void)forget{E}{n}For{P}:(NSString *){p}
{
    NSDictionary *query = @{
{lit}    };
    OSStatus status = {T}DeleteItem(query);
    if (status != errSecSuccess && status != errSecItemNotFound) {
        NSLog(@"delete failed: %d", (int)status);
    }
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{T}", k.spec.typ,
		"{lit}", k.literal("        ", k.idEntries()))
}

func (k *kc) objcWrapper() {
	n := k.next()
	k.emit(`
#pragma mark - Wrappers

- (OSStatus)performAdd{n}:(NSDictionary *)attributes
{
    NSMutableDictionary *item = [attributes mutableCopy];
{sets}    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}

- (BOOL)add{E}{n}:(NSData *)value for{P}:(NSString *){p}
{
    NSMutableDictionary *attributes = {call};
    attributes[(__bridge id)kSecValueData] = value;
    OSStatus status = [self performAdd{n}:attributes];
    if (status == errSecDuplicateItem) {
        NSDictionary *update = @{ (__bridge id)kSecValueData: value };
        status = SecItemUpdate((__bridge CFDictionaryRef){call}, (__bridge CFDictionaryRef)update);
    }
    return status == errSecSuccess;
}
`, "{E}", k.spec.ent, "{n}", n, "{p}", k.cls.param, "{P}", upperFirst(k.cls.param), "{call}", k.objcCall(),
		"{sets}", k.sets("    ", "item", []entry{k.accessible()}, false))
}

func (k *kc) objcListAll() {
	es := append(k.idEntries()[:1:1], entry{"kSecReturnAttributes", val{vTrue, ""}}, entry{"kSecMatchLimit", val{vConst, "kSecMatchLimitAll"}})
	if k.cls.prop != "tagPrefix" {
		es = append(es, k.cls.ids[0])
	}
	k.emit(`
- (NSArray<NSString *> *)all{E}Labels{n}
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
{sets}
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return @[];
    }
    NSMutableArray<NSString *> *labels = [NSMutableArray array];
    for (NSDictionary *item in (__bridge_transfer NSArray *)result) {
        NSString *label = item[(__bridge id)kSecAttrLabel];
        if (label != nil) {
            [labels addObject:label];
        }
    }
    return labels;
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{sets}", k.sets("    ", "query", es, false))
}

func (k *kc) objcRemoveAll() {
	k.emit(`
- (void)removeAll{E}s{n}
{
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    query[(__bridge id)kSecClass] = (__bridge id){cls};
#if TARGET_OS_OSX
    [query setObject:(__bridge id)kSecMatchLimitAll forKey:(__bridge id)kSecMatchLimit];
#else
    query[(__bridge id)kSecAttrSynchronizable] = (__bridge id)kSecAttrSynchronizableAny;
#endif
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)query);
    if (status != errSecSuccess && status != errSecItemNotFound) {
        NSLog(@"removeAll failed: %d", (int)status);
    }
}
`, "{E}", k.spec.ent, "{n}", k.next(), "{cls}", k.cls.name)
}

func (g *gen) objcPlainHelper() {
	if g.chance(0.5) {
		g.emit(`
- (NSString *)normalized{n}:(NSString *)raw
{
    NSString *trimmed = [raw stringByTrimmingCharactersInSet:[NSCharacterSet whitespaceAndNewlineCharacterSet]];
    if (trimmed.length == 0) {
        return @"default";
    }
    return [[trimmed lowercaseString] stringByReplacingOccurrencesOfString:@" " withString:@"-"];
}
`, "{n}", g.next())
		return
	}
	g.emit(`
- (BOOL)isExpired{n}:(NSDate *)date
{
    NSTimeInterval interval = [[NSDate date] timeIntervalSinceDate:date];
    if (interval < 0) {
        return NO;
    }
    return interval > 60.0 * 60.0 * 24.0 * {days};
}
`, "{n}", g.next(), "{days}", g.pick([]string{"7", "14", "30", "90"}))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const objcPlainHead = `#import <UIKit/UIKit.h>

@interface {E}Item : NSObject
@property (nonatomic, copy) NSString *identifier;
@property (nonatomic, copy) NSString *title;
@property (nonatomic) NSInteger count;
@property (nonatomic, strong) NSDate *createdAt;
@end

@implementation {E}Item
@end

@interface {T} : UIViewController <UITableViewDataSource, UITableViewDelegate>
@property (nonatomic, strong) UITableView *tableView;
@property (nonatomic, strong) NSMutableArray<{E}Item *> *items;
@property (nonatomic, strong) NSDateFormatter *formatter;
@end

@implementation {T}

- (void)viewDidLoad
{
    [super viewDidLoad];
    self.title = @"{E}s";
    self.items = [NSMutableArray array];
    self.tableView = [[UITableView alloc] initWithFrame:self.view.bounds style:UITableViewStyleInsetGrouped];
    self.tableView.dataSource = self;
    self.tableView.delegate = self;
    [self.tableView registerClass:[UITableViewCell class] forCellReuseIdentifier:@"cell"];
    [self.view addSubview:self.tableView];
    self.formatter = [[NSDateFormatter alloc] init];
    self.formatter.dateStyle = NSDateFormatterMediumStyle;
}

- (NSInteger)tableView:(UITableView *)tableView numberOfRowsInSection:(NSInteger)section
{
    return (NSInteger)self.items.count;
}

- (UITableViewCell *)tableView:(UITableView *)tableView cellForRowAtIndexPath:(NSIndexPath *)indexPath
{
    UITableViewCell *cell = [tableView dequeueReusableCellWithIdentifier:@"cell" forIndexPath:indexPath];
    {E}Item *item = self.items[(NSUInteger)indexPath.row];
    cell.textLabel.text = item.title;
    cell.detailTextLabel.text = [self.formatter stringFromDate:item.createdAt];
    return cell;
}
`

func (g *gen) objcPlain() {
	s := g.spec
	g.header(s.typ+".m", "Lists the "+strings.ToLower(s.ent)+"s of the current workspace.")
	g.emit(objcPlainHead, "{T}", s.typ, "{E}", s.ent)
	for !g.full(6) {
		r := []string{"{T}", s.typ, "{E}", s.ent, "{e}", strings.ToLower(s.ent), "{n}", g.next()}
		switch g.r.Intn(8) {
		case 0:
			g.emit(`
- (NSArray<{E}Item *> *)itemsMatching{n}:(NSString *)query
{
    NSString *needle = [[query lowercaseString] stringByTrimmingCharactersInSet:[NSCharacterSet whitespaceCharacterSet]];
    if (needle.length == 0) {
        return [self.items copy];
    }
    NSMutableArray<{E}Item *> *result = [NSMutableArray array];
    for ({E}Item *item in self.items) {
        if ([[item.title lowercaseString] containsString:needle]) {
            [result addObject:item];
        }
    }
    [result sortUsingComparator:^NSComparisonResult({E}Item *a, {E}Item *b) {
        return [b.createdAt compare:a.createdAt];
    }];
    return result;
}
`, r...)
		case 1:
			g.emit(`
- (void)loadPage{n}:(NSInteger)page completion:(void (^)(NSArray<{E}Item *> *items, NSError *error))completion
{
    NSString *urlString = [NSString stringWithFormat:@"https://api.example.com/v1/{e}s?page=%ld&limit=50", (long)page];
    NSURL *url = [NSURL URLWithString:urlString];
    __weak {T} *weakSelf = self;
    NSURLSessionDataTask *task = [[NSURLSession sharedSession] dataTaskWithURL:url completionHandler:^(NSData *data, NSURLResponse *response, NSError *error) {
        if (error != nil) {
            dispatch_async(dispatch_get_main_queue(), ^{
                completion(@[], error);
            });
            return;
        }
        NSError *jsonError = nil;
        NSArray *objects = [NSJSONSerialization JSONObjectWithData:data options:0 error:&jsonError];
        NSMutableArray<{E}Item *> *parsed = [NSMutableArray array];
        for (NSDictionary *object in objects) {
            {E}Item *item = [[{E}Item alloc] init];
            item.identifier = object[@"id"];
            item.title = object[@"title"];
            item.count = [object[@"count"] integerValue];
            [parsed addObject:item];
        }
        dispatch_async(dispatch_get_main_queue(), ^{
            [weakSelf.items setArray:parsed];
            [weakSelf.tableView reloadData];
            completion(parsed, jsonError);
        });
    }];
    [task resume];
}
`, r...)
		case 2:
			g.emit(`
- (NSString *)summary{n}
{
    NSInteger total = 0;
    NSMutableArray<NSString *> *lines = [NSMutableArray array];
    NSUInteger index = 0;
    for ({E}Item *item in self.items) {
        total += item.count;
        switch (item.count) {
            case 0:
                [lines addObject:[NSString stringWithFormat:@"%lu. %@ (empty)", (unsigned long)index + 1, item.title]];
                break;
            case 1:
                [lines addObject:[NSString stringWithFormat:@"%lu. %@ (one)", (unsigned long)index + 1, item.title]];
                break;
            default:
                [lines addObject:[NSString stringWithFormat:@"%lu. %@ (%ld)", (unsigned long)index + 1, item.title, (long)item.count]];
                break;
        }
        index++;
    }
    [lines addObject:[NSString stringWithFormat:@"Total: %ld", (long)total]];
    return [lines componentsJoinedByString:@"\n"];
}
`, r...)
		case 3:
			g.emit(`
- (void)didTapAdd{n}:(id)sender
{
    UIAlertController *alert = [UIAlertController alertControllerWithTitle:@"New {E}" message:nil preferredStyle:UIAlertControllerStyleAlert];
    [alert addTextFieldWithConfigurationHandler:^(UITextField *textField) {
        textField.placeholder = @"Title";
    }];
    __weak UIAlertController *weakAlert = alert;
    [alert addAction:[UIAlertAction actionWithTitle:@"Cancel" style:UIAlertActionStyleCancel handler:nil]];
    [alert addAction:[UIAlertAction actionWithTitle:@"Add" style:UIAlertActionStyleDefault handler:^(UIAlertAction *action) {
        NSString *title = weakAlert.textFields.firstObject.text;
        if (title.length == 0) {
            return;
        }
        {E}Item *item = [[{E}Item alloc] init];
        item.identifier = [[NSUUID UUID] UUIDString];
        item.title = title;
        item.createdAt = [NSDate date];
        [self.items insertObject:item atIndex:0];
        [self.tableView reloadData];
    }]];
    [self presentViewController:alert animated:YES completion:nil];
}
`, r...)
		case 4:
			g.emit(`
- (NSDictionary<NSString *, NSArray<{E}Item *> *> *)itemsGroupedByDay{n}
{
    NSCalendar *calendar = [NSCalendar currentCalendar];
    NSMutableDictionary<NSString *, NSMutableArray<{E}Item *> *> *groups = [NSMutableDictionary dictionary];
    for ({E}Item *item in self.items) {
        NSDate *day = [calendar startOfDayForDate:item.createdAt];
        NSString *key = [self.formatter stringFromDate:day];
        NSMutableArray<{E}Item *> *bucket = groups[key];
        if (bucket == nil) {
            bucket = [NSMutableArray array];
            groups[key] = bucket;
        }
        [bucket addObject:item];
    }
    return groups;
}
`, r...)
		case 5:
			g.emit(`
- (BOOL)updateItem{n}WithIdentifier:(NSString *)identifier title:(NSString *)title count:(NSInteger)count
{
    for (NSUInteger i = 0; i < self.items.count; i++) {
        {E}Item *item = self.items[i];
        if (![item.identifier isEqualToString:identifier]) {
            continue;
        }
        if (title.length > 0) {
            item.title = title;
        }
        item.count = MAX(0, count);
        [self.tableView reloadRowsAtIndexPaths:@[[NSIndexPath indexPathForRow:(NSInteger)i inSection:0]] withRowAnimation:UITableViewRowAnimationNone];
        return YES;
    }
    return NO;
}
`, r...)
		case 6:
			g.emit(`
#if DEBUG
- (void)debugDump{n}
{
    for ({E}Item *item in self.items) {
        NSLog(@"%@: %@ [%ld]", item.identifier, item.title, (long)item.count);
    }
}
#endif
`, r...)
		default:
			g.emit(`
- (NSDictionary *)settings{n}
{
    NSMutableDictionary *settings = [@{
        @"sort": @"createdAt",
        @"ascending": @NO,
        @"pageSize": @50,
    } mutableCopy];
    if (self.traitCollection.horizontalSizeClass == UIUserInterfaceSizeClassRegular) {
        settings[@"pageSize"] = @100;
    }
    [settings setObject:@"{e}" forKey:@"kind"];
    return settings;
}
`, r...)
		}
	}
	g.emit("\n@end\n")
}
