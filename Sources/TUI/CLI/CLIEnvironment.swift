import Domain
import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Everything a command needs from outside: where the database is, what time it is, who runs it.
/// Time and identity are inputs, so every command is reproducible in a test.
public struct CLIEnvironment {
  public var arguments: Arguments
  public var environment: [String: String]
  public var zone: DeploymentZone
  public var fixedNow: Date?
  /// The operating-system login (`getuid`, not `$USER`, which anyone can set).
  public var osLogin: String

  public init(arguments: Arguments, environment: [String: String]) throws {
    self.arguments = arguments
    self.environment = environment
    let zoneName = environment["ZWFW_TZ"] ?? "Asia/Shanghai"
    guard let zone = DeploymentZone.named(zoneName) else {
      throw UsageError("未知时区 ZWFW_TZ=\(zoneName),例如 Asia/Shanghai")
    }
    self.zone = zone
    if let text = arguments.option("--now")
      ?? environment["ZWFW_NOW"].flatMap({ $0.isEmpty ? nil : $0 })
    {
      guard let d = zone.parseLocal(text) else {
        throw UsageError("时间「\(text)」格式不对,应为 YYYY-MM-DDTHH:MM(\(zone.name) 时间),例如 2026-11-26T09:30")
      }
      fixedNow = d
    }
    osLogin = Self.currentLogin()
  }

  public var clock: () -> Date {
    if let fixedNow { return { fixedNow } }
    return Date.init
  }

  static func currentLogin() -> String {
    let uid = getuid()
    if let pw = getpwuid(uid), let name = pw.pointee.pw_name {
      return String(cString: name)
    }
    return "uid\(uid)"
  }

  /// The default database: the demo, created on first use.
  public var defaultDatabasePath: String {
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
    return base + "/zwfw/demo.db"
  }

  /// `--db`, else `ZWFW_DB`, else the default demo path.
  public var databasePath: (path: String, isDefault: Bool) {
    if let p = arguments.option("--db") { return (p, false) }
    if let p = environment["ZWFW_DB"], !p.isEmpty { return (p, false) }
    return (defaultDatabasePath, true)
  }

  public func share() throws -> ShareDirectory {
    try ShareDirectory.locate(environment: environment)
  }

  /// Opens the database, creating the demo on first use of the default path. A production node
  /// whose clock is far behind its latest event does not start (`Store.clockProblem`); a
  /// command that reports on the clock itself opens with `checkingClock: false`.
  public func openStore(checkingClock: Bool = true) throws -> Store {
    let store = try openStoreUnchecked()
    if checkingClock { try store.checkClock() }
    return store
  }

  private func openStoreUnchecked() throws -> Store {
    let (path, isDefault) = databasePath
    if isDefault && !FileManager.default.fileExists(atPath: path) {
      return try Demo.create(path: path, share: share(), login: osLogin, zone: zone, clock: clock)
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError.invalid("数据库 \(path) 不存在。创建演示库: zwfw demo --db \(path);创建生产节点: zwfw init")
    }
    return try Store.open(path: path, zone: zone, clock: clock)
  }

  /// The operator: the OS login, or `--as LOGIN` on a demo or training database only.
  public func resolveOperator(_ store: Store) throws -> Staff {
    if let asLogin = arguments.option("--as") {
      guard store.node.training else { throw StoreError.asNotAllowed }
      return try store.resolveOperator(login: asLogin)
    }
    return try store.resolveOperator(login: osLogin)
  }
}
