import Domain
import Foundation

/// A feature's contribution to the demo database, written through the journal like any change.
public struct DemoSeed: Sendable {
  public let name: String
  public let run: @Sendable (Store, DemoEnvironment) throws -> Void

  public init(_ name: String, _ run: @escaping @Sendable (Store, DemoEnvironment) throws -> Void) {
    self.name = name
    self.run = run
  }
}

/// What a seed may use: shipped data, the operator who ran `zwfw demo`, the demo's staff.
public struct DemoEnvironment {
  public let share: ShareDirectory
  /// The OS login that created the demo: a staff member with every role.
  public let login: String
  public let staff: [Staff]

  public func staff(_ login: String) -> Staff? { staff.first { $0.login == login } }
}

/// 演示数据库 — the district centre of 白银区 with its townships, streets and departments, a dozen
/// staff and the holiday calendar; each feature adds its own demo cases.
public enum Demo {
  public static let node = NodeIdentity(
    code: "BYQ", name: "白银区政务服务中心", district: "BYQ", isDistrict: true, training: true,
    region: "620402")

  /// Each feature appends its seed here, in dependency order.
  public static let seeds: [DemoSeed] = [
    RectificationDemo.seed, catalog, applications, ComplaintDemo.seed, PhraseDemo.seed,
  ]

  /// Creates the demo database at `path` (replacing an earlier demo there, never a production
  /// database). `seeds` lets a test start from the foundation and only the features it needs.
  @discardableResult
  public static func create(
    path: String, share: ShareDirectory, login: String, zone: DeploymentZone = .shanghai,
    clock: @escaping () -> Date = Date.init, seeds: [DemoSeed] = Demo.seeds
  ) throws -> Store {
    try removeEarlierDemo(path: path)
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
    let store = try Store.create(path: path, node: node, zone: zone, clock: clock)
    do {
      store.scriptedHistory = true
      defer { store.scriptedHistory = false }
      let staff = try seedFoundation(store, share: share, login: login)
      let env = DemoEnvironment(share: share, login: login, staff: staff)
      for seed in seeds { try seed.run(store, env) }
    } catch {
      // Never leave half a demo behind: the next start would open it as if it were whole.
      removeFiles(path)
      throw error
    }
    return store
  }

  /// When the demo's district and staff came to be: 2020-01-02 09:00 Beijing, before any
  /// scripted case.
  static let foundedAt = Date(timeIntervalSince1970: 1_577_926_800)

  static func seedFoundation(_ store: Store, share: ShareDirectory, login: String) throws -> [Staff]
  {
    let orgs = try share.table("demo/organisations.tsv")
    let staffRows = try share.table("demo/staff.tsv")
    let holidays = try share.read("holidays.tsv")
    var staff: [Staff] = []
    // The seeds script a past of several years: the organisations and staff are recorded before
    // all of it, so every scripted step's actor was staff when it was taken (`audit verify`).
    let clock = store.clock
    store.clock = { foundedAt }
    defer { store.clock = clock }
    try store.write(actor: login) { tx in
      var drafts: [EventDraft] = []
      for (i, row) in orgs.enumerated() {
        guard row.count >= 3, let kind = Organisation.Kind(rawValue: row[2]) else {
          throw StoreError.invalid("demo/organisations.tsv 第\(i + 1)行格式错误")
        }
        func column(_ i: Int) -> String? { row.count > i && !row[i].isEmpty ? row[i] : nil }
        let o = Organisation(
          code: row[0], name: row[1], kind: kind, node: column(3), fullName: column(4),
          address: column(5), phone: column(6))
        if let r = OrganisationReducer.check(o) { throw r }
        drafts.append(
          OrganisationReducer.defined(o, position: i + 1))
        // 统一社会信用代码 as its own event, the way `zwfw org set --credit-code` records it.
        if let credit = column(7) {
          drafts.append(try store.creditCodeDraft(o.code, credit, others: []))
        }
      }
      try tx.append(drafts)
      _ = try store.appendCalendar(tsv: holidays, source: "holidays.tsv", tx: tx)
      for (i, row) in staffRows.enumerated() {
        guard row.count >= 4, case .success(let roles) = Role.parseList(row[3]) else {
          throw StoreError.invalid("demo/staff.tsv 第\(i + 1)行格式错误")
        }
        staff.append(Staff(login: row[0], name: row[1], org: row[2], roles: roles))
      }
      if !staff.contains(where: { $0.login == login }) {
        // Every role but the organisation lead's: a designation, not a power a demo login needs.
        staff.append(
          Staff(
            login: login, name: "演示管理员", org: "ZWZX",
            roles: Set(Role.allCases).subtracting([.lead])))
      }
      for s in staff {
        if let r = StaffReducer.checkNew(
          s, existing: nil, orgExists: orgs.contains { $0[0] == s.org })
        {
          throw r
        }
      }
      try tx.append(
        staff.map { EventDraft(stream: StaffReducer.stream($0.login), type: .staffAdded, body: $0) }
      )
    }
    return staff
  }

  static func removeEarlierDemo(path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { return }
    let existing: Store
    do {
      existing = try Store.open(path: path)
    } catch {
      throw StoreError.invalid("\(path) 已存在且不是 zwfw 演示数据库,不会覆盖")
    }
    // A demo made before genesis events existed says so only in its row.
    let earlierDemo =
      try Store.genesisEvents(existing.db).isEmpty
      && (try Store.readRow(existing.db)?.training == true)
    guard existing.node.training || earlierDemo else {
      throw StoreError.invalid("\(path) 是生产节点数据库,不会被演示数据覆盖")
    }
    removeFiles(path)
  }

  static func removeFiles(_ path: String) {
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: path + suffix)
    }
  }
}
