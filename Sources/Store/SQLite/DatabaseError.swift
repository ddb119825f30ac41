import CSQLite

/// An error from SQLite: its extended code, its message and the SQL that failed.
///
/// Never carries bound arguments: they hold ID numbers and complaint text.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
  public let code: Int32
  public let message: String
  public let sql: String?

  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  public var primaryCode: Int32 { code & 0xFF }
  public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
  public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB }
  public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT }
  public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }

  public var description: String {
    var text = "SQLite error \(code): \(message)"
    if let sql { text += " — while executing `\(sql)`" }
    return text
  }

  /// What the clerk reads: the cause in Chinese, never the SQL.
  public var userMessage: String {
    if isBusy { return "数据库正忙(其他工作站正在写入),请稍后重试" }
    if isNotADatabase { return "文件不是 zwfw 数据库" }
    if isCorrupt { return "数据库文件已损坏,请联系系统管理员从备份恢复" }
    if primaryCode == SQLITE_READONLY { return "数据库为只读,当前账号没有写入权限" }
    if primaryCode == SQLITE_CANTOPEN { return "无法打开数据库文件(路径不存在或没有权限)" }
    if primaryCode == SQLITE_FULL { return "磁盘已满,无法写入数据库" }
    return "数据库错误: \(message)"
  }
}
