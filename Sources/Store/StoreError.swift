import Domain

/// Why the store could not be opened or used, in the clerk's words.
public enum StoreError: Error, Equatable, UserFacingError {
  case missing(String)
  case exists(String)
  case notZwfw(String)
  case newerVersion(path: String, found: Int, known: Int)
  case notInitialised(String)
  case networkFilesystem(String)
  case notStaff(login: String, admins: [String])
  case disabled(login: String)
  case asNotAllowed
  case invalid(String)
  /// Another process is upgrading the database (`UpgradeStatus`); how far it has got.
  case upgradeRunning(ProgressStep)
  /// A projected row that cannot be read (NULL where a value belongs, an unknown code): the
  /// projection is corrupt; `zwfw rebuild` writes it again from the journal.
  case unreadableRow(table: String, key: String, column: String, problem: String)

  public var userMessage: String {
    switch self {
    case .missing(let p): return "数据库文件不存在: \(p)"
    case .exists(let p): return "文件已存在,不会覆盖: \(p)"
    case .notZwfw(let p): return "\(p) 不是 zwfw 数据库,文件未被改动"
    case .newerVersion(let p, let found, let known):
      return "\(p) 由更新版本的 zwfw 创建(数据库版本 \(found),本程序支持到 \(known)),请升级 zwfw;文件未被改动"
    case .notInitialised(let p): return "\(p) 尚未初始化为 zwfw 节点"
    case .networkFilesystem(let p):
      return "\(p) 位于网络文件系统上;SQLite 在网络文件系统上无法可靠加锁,请把数据库放在本机磁盘"
    case .notStaff(let login, let admins):
      let who = admins.isEmpty ? "系统管理员" : "系统管理员(\(admins.joined(separator: "、")))"
      return
        "登录名「\(login)」不是本节点的工作人员。请\(who)运行: zwfw staff add \(login) --name 姓名 --org 单位代码 --roles 角色"
    case .disabled(let login): return "账号「\(login)」已停用,请联系系统管理员"
    case .asNotAllowed: return "--as 只能用于演示或培训数据库;生产节点以操作系统登录名识别操作人员"
    case .invalid(let m): return m
    case .upgradeRunning(let s):
      return "另一个 zwfw 进程正在升级本数据库(\(s.title) \(s.done)/\(s.total),\(s.percent)%),请等它完成后再试"
    case .unreadableRow(let table, let key, let column, let problem):
      return
        "数据库记录无法读取: \(table) 表中 \(key) 的 \(column) 列(\(problem))。请系统管理员运行 zwfw rebuild 从事件日志重建数据视图"
    }
  }
}

extension DatabaseError: UserFacingError {}
