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
  /// Set when zwfw runs setgid (installed): the only directory its databases may be in.
  public var dataDirectory: String?
  /// Progress of long jobs on standard error; nil with `--quiet`.
  public var progress: ProgressRenderer?

  /// What a long job reports to (`ProgressRenderer`); nil with `--quiet`.
  public var reporter: ProgressReporter? { progress?.reporter }

  public init(arguments: Arguments, environment unchecked: [String: String]) throws {
    self.arguments = arguments
    let environment = Privilege.prepare(unchecked)
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
    if Privilege.isElevated { try confine() }
  }

  /// Elevated, databases are opened only in the installed data directory (`share/zwfw/data-dir`).
  mutating func confine() throws {
    let share = try ShareDirectory.locate(environment: environment)
    guard let dir = DataDirectory.installed(in: share) else {
      throw StoreError.invalid(
        "zwfw 以 setgid 方式运行,但 \(share.path)/\(DataDirectory.fileName) 不存在或无效;请用 ./install 重新安装")
    }
    dataDirectory = dir
    // The clock decides every deadline and orders the journal: a clerk must not set it.
    if fixedNow != nil {
      throw UsageError("以 setgid 方式安装运行时时间只取系统时钟,不接受 --now 或 ZWFW_NOW")
    }
    let named = arguments.option("--db") ?? environment["ZWFW_DB"].flatMap { $0.isEmpty ? nil : $0 }
    if let named, !DataDirectory.contains(dir, path: named) {
      throw UsageError("数据库只能位于数据目录 \(dir) 中(安装时设定),不能使用 \(named)")
    }
  }

  /// Elevated, a file holding the database's contents (a backup) must stay in the data directory.
  public func checkConfined(_ path: String) throws {
    if let dir = dataDirectory, !DataDirectory.contains(dir, path: path) {
      throw UsageError("以 setgid 方式运行时,备份只能写入数据目录 \(dir) 中,不能写到 \(path)")
    }
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

  /// `--db`, else `ZWFW_DB`, else the installed node's database, else the default demo path.
  public var databasePath: (path: String, isDefault: Bool) {
    if let p = arguments.option("--db") { return (p, false) }
    if let p = environment["ZWFW_DB"], !p.isEmpty { return (p, false) }
    if let dir = dataDirectory { return (dir + "/node.db", false) }
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
    let store: Store
    if isDefault && !FileManager.default.fileExists(atPath: path) {
      store = try Demo.create(path: path, share: share(), login: osLogin, zone: zone, clock: clock)
    } else {
      guard FileManager.default.fileExists(atPath: path) else {
        throw StoreError.invalid("数据库 \(path) 不存在。创建演示库: zwfw demo --db \(path);创建生产节点: zwfw init")
      }
      store = try Store.open(path: path, zone: zone, clock: clock, progress: reporter)
    }
    // Reading at a chosen time is always fine; a production node refuses to write at one.
    store.clockIsFixed = fixedNow != nil
    return store
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
