package corpusgen

import "strings"

const swiftKCHead = `import Foundation
import Security

enum {T}Error: Error {
    case notFound
    case locked
    case duplicate
    case unexpectedStatus(OSStatus)
}

struct {E}Record: Codable, Equatable {
    var id: String
    var name: String
    var updatedAt: Date
}

final class {T} {
    static let shared = {T}({prop}: "com.example.{e}")

    let {prop}: String
    let accessGroup: String?

    init({prop}: String, accessGroup: String? = nil) {
        self.{prop} = {prop}
        self.accessGroup = accessGroup
    }
`

func (g *gen) swiftKeychain() {
	k := g.newKC(true)
	s := g.spec
	g.header(s.typ+".swift", "Keeps the "+strings.ToLower(s.ent)+" secrets in the keychain.")
	g.emit(swiftKCHead, "{T}", s.typ, "{E}", s.ent, "{e}", strings.ToLower(s.ent), "{prop}", k.cls.prop)
	k.swiftHelper()
	for !g.full(2) {
		switch g.r.Intn(12) {
		case 0:
			k.swiftHelper()
		case 1:
			k.swiftSaveLiteral()
		case 2:
			k.swiftReadSwitch()
		case 3:
			k.swiftUpdateOrAdd()
		case 4:
			k.swiftDelete()
		case 5:
			k.swiftNSMutable()
		case 6:
			k.swiftWrapper()
		case 7:
			k.swiftListAll()
		case 8:
			k.swiftRemoveAll()
		case 9:
			k.swiftCodable()
		default:
			g.swiftPlainHelper()
		}
	}
	g.emit("}\n")
}

func (k *kc) swiftHelper() {
	name := "baseQuery" + k.next()
	k.helpers = append(k.helpers, name)
	mac := ""
	switch k.r.Intn(3) {
	case 0:
		mac = "        #if os(macOS)\n        query[kSecUseDataProtectionKeychain as String] = true\n        #endif\n"
	case 1:
		mac = "        #if os(macOS)\n        query[kSecUseDataProtectionKeychain as String] = true\n        #else\n        query[" +
			k.extra().key + " as String] = \"" + k.pick(labels) + "\"\n        #endif\n"
	}
	k.emit(`
    // MARK: - Queries

    private func {name}({p}: String) -> [String: Any] {
        var query: [String: Any] = [
{lit}        ]
        if let group = accessGroup {
            query[kSecAttrAccessGroup as String] = group
        }
{mac}        return query
    }
`, "{name}", name, "{p}", k.cls.param, "{lit}", k.literal("            ", k.idEntries()), "{mac}", mac)
}

func (k *kc) swiftSaveLiteral() {
	es := append(k.idEntries(), entry{"kSecValueData", val{vData, ""}}, k.accessible())
	if k.chance(0.5) {
		es = append(es, k.extra())
	}
	k.emit(`
    // MARK: - Save

    func save{E}{n}(_ value: Data, {p}: String) throws {
        let status = SecItemAdd([
{lit}        ] as CFDictionary, nil)
        guard status == errSecSuccess else {
            if status == errSecDuplicateItem {
                throw {T}Error.duplicate
            }
            throw {T}Error.unexpectedStatus(status)
        }
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{T}", k.spec.typ, "{lit}", k.literal("            ", es))
}

func (k *kc) swiftReadSwitch() {
	sets := []entry{{"kSecReturnData", val{vTrue, ""}}, {"kSecMatchLimit", val{vConst, "kSecMatchLimitOne"}}}
	k.emit(`
    func read{E}{n}({p}: String) throws -> Data? {
        var query = {h}({p}: {p})
{sets}
        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            guard let data = result as? Data else {
                throw {T}Error.notFound
            }
            return data
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw {T}Error.locked
        default:
            throw {T}Error.unexpectedStatus(status)
        }
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{h}", k.helper(), "{T}", k.spec.typ,
		"{sets}", k.sets("        ", "query", k.maybeWrong(sets), false))
}

func (k *kc) swiftUpdateOrAdd() {
	attrs := []entry{{"kSecValueData", val{vData, ""}}}
	if k.chance(0.6) {
		attrs = append(attrs, k.extra())
	}
	k.emit(`
    // MARK: - Update

    func store{E}{n}(_ value: Data, {p}: String) throws {
        let query = {h}({p}: {p})
        let attributes: [String: Any] = [
{lit}        ]
        var status = SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
        if status == errSecItemNotFound {
            var item = query
{sets}            status = SecItemAdd(item as CFDictionary, nil)
        }
        guard status == errSecSuccess else {
            throw {T}Error.unexpectedStatus(status)
        }
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{h}", k.helper(), "{T}", k.spec.typ,
		"{lit}", k.literal("            ", k.maybeWrong(attrs)),
		"{sets}", k.sets("            ", "item", []entry{{"kSecValueData", val{vData, ""}}, k.accessible()}, false))
}

func (k *kc) swiftDelete() {
	if k.chance(0.5) {
		k.emit(`
    // MARK: - Delete

    func delete{E}{n}({p}: String) throws {
        let status = SecItemDelete({h}({p}: {p}) as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw {T}Error.unexpectedStatus(status)
        }
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{h}", k.helper(), "{T}", k.spec.typ)
		return
	}
	k.emit(`
    @discardableResult
    func forget{E}{n}({p}: String) -> Bool {
        let query = [
{lit}        ] as CFDictionary
        let status = SecItemDelete(query)
        if status == errSecItemNotFound {
            return true
        }
        return status == errSecSuccess
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{lit}", k.literal("            ", k.idEntries()))
}

func (k *kc) swiftNSMutable() {
	k.emit(`
    func remember{E}{n}(_ value: Data, {p}: String) -> Bool {
        let query = NSMutableDictionary()
{sets}        query.setObject(true, forKey: kSecReturnAttributes as NSString)

        var existing: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &existing)
        if status == errSecSuccess {
            return true
        }
        guard status == errSecItemNotFound else {
            return false
        }
        query.removeObject(forKey: kSecReturnAttributes as NSString)
        query.setObject(value, forKey: kSecValueData as NSString)
        let addStatus = SecItemAdd(query as CFDictionary, nil)
        return addStatus == errSecSuccess
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{sets}", k.sets("        ", "query", k.idEntries(), true))
}

func (k *kc) swiftWrapper() {
	n := k.next()
	k.emit(`
    // MARK: - Wrappers

    @discardableResult
    private func performAdd{n}(_ attributes: [String: Any]) -> OSStatus {
        var item = attributes
{sets}        return SecItemAdd(item as CFDictionary, nil)
    }

    private func performCopy{n}(_ query: [String: Any]) -> (OSStatus, AnyObject?) {
        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        return (status, result)
    }

    func add{E}{n}(_ value: Data, {p}: String) -> Bool {
        var attributes = {h}({p}: {p})
        attributes[kSecValueData as String] = value
        let status = performAdd{n}(attributes)
        if status == errSecDuplicateItem {
            let update: [String: Any] = [kSecValueData as String: value]
            return SecItemUpdate({h}({p}: {p}) as CFDictionary, update as CFDictionary) == errSecSuccess
        }
        return status == errSecSuccess
    }

    func has{E}{n}({p}: String) -> Bool {
        var query = {h}({p}: {p})
        query[kSecReturnAttributes as String] = true
        let (status, _) = performCopy{n}(query)
        return status == errSecSuccess
    }
`, "{E}", k.spec.ent, "{n}", n, "{p}", k.cls.param, "{h}", k.helper(), "{sets}", k.sets("        ", "item", []entry{k.accessible()}, false))
}

func (k *kc) swiftListAll() {
	es := append(k.idEntries()[:1:1], entry{"kSecReturnAttributes", val{vTrue, ""}}, entry{"kSecMatchLimit", val{vConst, "kSecMatchLimitAll"}})
	if k.cls.prop != "tagPrefix" {
		es = append(es, k.cls.ids[0])
	}
	k.emit(`
    /// Every item this store saved, for the settings screen.
    func all{E}s{n}() -> [String] {
        let query: [String: Any] = [
{lit}        ]
        var result: AnyObject?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess,
              let items = result as? [[String: Any]] else {
            return []
        }
        return items.compactMap { $0[kSecAttrLabel as String] as? String }
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{lit}", k.literal("            ", es))
}

func (k *kc) swiftRemoveAll() {
	other := ""
	if k.chance(0.5) {
		other = "        #elseif os(iOS)\n        query[kSecAttrAccessGroup as String] = \"ABCDE12345.com.example.shared\"\n"
	}
	pre, post := "", ""
	if k.chance(0.3) {
		// A whole member under #if, between the members of the class.
		pre, post = "\n    #if os(macOS)", "    #endif\n"
	}
	k.emit(`{open}
    /// Signs everything out of this device.
    func removeAll{E}s{n}() {
        var query: [String: Any] = [
            kSecClass as String: {cls},
        ]
        #if os(macOS)
        // The file-based keychain removes only the first match unless asked for all.
        query[kSecMatchLimit as String] = kSecMatchLimitAll
{other}        #endif
        let status = SecItemDelete(query as CFDictionary)
        if status != errSecSuccess && status != errSecItemNotFound {
            print("removeAll failed: \(status)")
        }
    }
{close}`, "{E}", k.spec.ent, "{n}", k.next(), "{cls}", k.cls.name, "{other}", other, "{open}", pre, "{close}", post)
}

func (k *kc) swiftCodable() {
	k.emit(`
    func saveRecord{n}(_ record: {E}Record, {p}: String) throws {
        let data = try JSONEncoder().encode(record)
        var query = {h}({p}: {p})
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        if status == errSecSuccess {
            let attributes = [kSecValueData as String: data]
            let updateStatus = SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
            guard updateStatus == errSecSuccess else {
                throw {T}Error.unexpectedStatus(updateStatus)
            }
            return
        }
        query[kSecValueData as String] = data
        let addStatus = SecItemAdd(query as CFDictionary, nil)
        guard addStatus == errSecSuccess else {
            throw {T}Error.unexpectedStatus(addStatus)
        }
    }

    func loadRecord{n}({p}: String) -> {E}Record? {
        var query = {h}({p}: {p})
        query[kSecReturnData as String] = true
        var result: AnyObject?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess,
              let data = result as? Data else {
            return nil
        }
        return try? JSONDecoder().decode({E}Record.self, from: data)
    }
`, "{E}", k.spec.ent, "{n}", k.next(), "{p}", k.cls.param, "{h}", k.helper(), "{T}", k.spec.typ)
}

// swiftPlainHelper is a self-contained method without keychain code.
func (g *gen) swiftPlainHelper() {
	switch g.r.Intn(3) {
	case 0:
		g.emit(`
    private func normalized{n}(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return "default"
        }
        return trimmed.lowercased().replacingOccurrences(of: " ", with: "-")
    }
`, "{n}", g.next())
	case 1:
		g.emit(`
    private func isExpired{n}(_ date: Date, now: Date = Date()) -> Bool {
        let interval = now.timeIntervalSince(date)
        if interval < 0 {
            return false
        }
        return interval > 60 * 60 * 24 * {days}
    }
`, "{n}", g.next(), "{days}", g.pick([]string{"7", "14", "30", "90"}))
	default:
		g.emit(`
    private func describe{n}(_ records: [{E}Record]) -> String {
        var parts: [String] = []
        for record in records.sorted(by: { $0.updatedAt > $1.updatedAt }) {
            parts.append("\(record.name) (\(record.id))")
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
`, "{n}", g.next(), "{E}", g.spec.ent)
	}
}

const swiftPlainHead = `import UIKit

struct {E}Item: Codable, Hashable {
    let id: UUID
    var title: String
    var subtitle: String?
    var count: Int
    var createdAt: Date
}

enum {E}Section: Int, CaseIterable {
    case recent
    case favorites
    case archived

    var title: String {
        switch self {
        case .recent:
            return "Recent"
        case .favorites:
            return "Favorites"
        case .archived:
            return "Archived"
        }
    }
}

final class {T}: UIViewController {
    private let tableView = UITableView(frame: .zero, style: .insetGrouped)
    private var items: [{E}Item] = []
    private let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateStyle = .medium
        formatter.timeStyle = .short
        return formatter
    }()
    private var isLoading = false {
        didSet {
            navigationItem.rightBarButtonItem?.isEnabled = !isLoading
        }
    }

    override func viewDidLoad() {
        super.viewDidLoad()
        title = "{E}s"
        view.backgroundColor = .systemBackground
        tableView.translatesAutoresizingMaskIntoConstraints = false
        tableView.register(UITableViewCell.self, forCellReuseIdentifier: "cell")
        tableView.dataSource = self
        view.addSubview(tableView)
        NSLayoutConstraint.activate([
            tableView.topAnchor.constraint(equalTo: view.topAnchor),
            tableView.bottomAnchor.constraint(equalTo: view.bottomAnchor),
            tableView.leadingAnchor.constraint(equalTo: view.leadingAnchor),
            tableView.trailingAnchor.constraint(equalTo: view.trailingAnchor),
        ])
    }
`

const swiftPlainTail = `}

extension {T}: UITableViewDataSource {
    func numberOfSections(in tableView: UITableView) -> Int {
        return {E}Section.allCases.count
    }

    func tableView(_ tableView: UITableView, numberOfRowsInSection section: Int) -> Int {
        return items.count
    }

    func tableView(_ tableView: UITableView, cellForRowAt indexPath: IndexPath) -> UITableViewCell {
        let cell = tableView.dequeueReusableCell(withIdentifier: "cell", for: indexPath)
        let item = items[indexPath.row]
        var content = cell.defaultContentConfiguration()
        content.text = item.title
        content.secondaryText = formatter.string(from: item.createdAt)
        cell.contentConfiguration = content
        return cell
    }
}
`

func (g *gen) swiftPlain() {
	s := g.spec
	g.header(s.typ+".swift", "Shows the "+strings.ToLower(s.ent)+"s of the signed-in user.")
	g.emit(swiftPlainHead, "{T}", s.typ, "{E}", s.ent)
	for !g.full(len(swiftPlainTail)) {
		n := g.next()
		r := []string{"{T}", s.typ, "{E}", s.ent, "{e}", strings.ToLower(s.ent), "{n}", n}
		switch g.r.Intn(8) {
		case 0:
			g.emit(`
    private func filteredItems{n}(matching query: String) -> [{E}Item] {
        let needle = query.lowercased().trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else {
            return items
        }
        return items
            .filter { $0.title.lowercased().contains(needle) }
            .sorted { $0.createdAt > $1.createdAt }
    }
`, r...)
		case 1:
			g.emit(`
    func load{n}(page: Int, completion: @escaping (Result<[{E}Item], Error>) -> Void) {
        var components = URLComponents(string: "https://api.example.com/v1/{e}s")!
        components.queryItems = [
            URLQueryItem(name: "page", value: String(page)),
            URLQueryItem(name: "limit", value: "50"),
        ]
        guard let url = components.url else {
            completion(.failure(URLError(.badURL)))
            return
        }
        isLoading = true
        URLSession.shared.dataTask(with: url) { [weak self] data, response, error in
            DispatchQueue.main.async {
                self?.isLoading = false
            }
            if let error = error {
                completion(.failure(error))
                return
            }
            guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode), let data = data else {
                completion(.failure(URLError(.badServerResponse)))
                return
            }
            do {
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                completion(.success(try decoder.decode([{E}Item].self, from: data)))
            } catch {
                completion(.failure(error))
            }
        }.resume()
    }
`, r...)
		case 2:
			g.emit(`
    func summary{n}() -> String {
        var total = 0
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            total += item.count
            switch item.count {
            case 0:
                lines.append("\(index + 1). \(item.title) (empty)")
            case 1...9:
                lines.append("\(index + 1). \(item.title) (\(item.count))")
            default:
                lines.append("\(index + 1). \(item.title) (many)")
            }
        }
        lines.append("Total: \(total)")
        return lines.joined(separator: "\n")
    }
`, r...)
		case 3:
			g.emit(`
    @objc private func didTapAdd{n}(_ sender: UIBarButtonItem) {
        let alert = UIAlertController(title: "New {E}", message: nil, preferredStyle: .alert)
        alert.addTextField { field in
            field.placeholder = "Title"
            field.autocapitalizationType = .sentences
        }
        alert.addAction(UIAlertAction(title: "Cancel", style: .cancel))
        alert.addAction(UIAlertAction(title: "Add", style: .default) { [weak self, weak alert] _ in
            guard let self = self, let title = alert?.textFields?.first?.text, !title.isEmpty else {
                return
            }
            let item = {E}Item(id: UUID(), title: title, subtitle: nil, count: 0, createdAt: Date())
            self.items.insert(item, at: 0)
            self.tableView.insertRows(at: [IndexPath(row: 0, section: 0)], with: .automatic)
        })
        present(alert, animated: true)
    }
`, r...)
		case 4:
			g.emit(`
    func groupedByDay{n}() -> [String: [{E}Item]] {
        let calendar = Calendar.current
        var groups: [String: [{E}Item]] = [:]
        for item in items {
            let day = calendar.startOfDay(for: item.createdAt)
            let key = formatter.string(from: day)
            groups[key, default: []].append(item)
        }
        return groups
    }
`, r...)
		case 5:
			g.emit(`
    @discardableResult
    func update{n}(id: UUID, title: String?, count: Int?) -> Bool {
        guard let index = items.firstIndex(where: { $0.id == id }) else {
            return false
        }
        if let title = title, !title.isEmpty {
            items[index].title = title
        }
        if let count = count {
            items[index].count = max(0, count)
        }
        tableView.reloadRows(at: [IndexPath(row: index, section: 0)], with: .none)
        return true
    }
`, r...)
		case 6:
			g.emit(`
    #if DEBUG
    func debugDump{n}() {
        for item in items {
            print("\(item.id): \(item.title) [\(item.count)]")
        }
    }
    #endif
`, r...)
		default:
			g.emit(`
    private func settings{n}() -> [String: Any] {
        var settings: [String: Any] = [
            "sort": "createdAt",
            "ascending": false,
            "pageSize": 50,
        ]
        if traitCollection.horizontalSizeClass == .regular {
            settings["pageSize"] = 100
        }
        settings["section"] = {E}Section.recent.title
        return settings
    }
`, r...)
		}
	}
	g.emit(swiftPlainTail, "{T}", s.typ, "{E}", s.ent)
}
