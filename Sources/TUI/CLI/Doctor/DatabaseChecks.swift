import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// The database file: closed to others, room to grow, a WAL that checkpoints, an intact chain.
enum DatabaseChecks {
  static var all: [DoctorCheck] { [mode, space, audit, clock] }

  static let mode = DoctorCheck("数据库权限") { c in
    let path = c.databasePath
    guard c.status(path) != nil else { return .fail("\(path) 不存在", fix: "zwfw init 创建节点") }
    for file in [path, path + "-wal", path + "-shm"] {
      guard let st = c.status(file) else { continue }
      if st.st_mode & 0o007 != 0 {
        return .fail(
          "\(file) 其他用户可以访问(权限 \(DoctorCheck.octal(st.st_mode)))", fix: "chmod o-rwx \(file)")
      }
    }
    return .pass("\(path) 其他用户不可读")
  }

  /// At least this much free space beside the database (a backup is about its size).
  static let minimumFree: UInt64 = 1 << 30
  /// A WAL this large means checkpoints are not happening (a reader kept open for days).
  static let maximumWAL: Int64 = 256 << 20

  static let space = DoctorCheck("磁盘空间") { c in
    let dir = (c.databasePath as NSString).deletingLastPathComponent
    var fs = statvfs()
    guard statvfs(dir.isEmpty ? "." : dir, &fs) == 0 else {
      return .fail("无法读取 \(dir) 所在磁盘", fix: "检查目录是否存在")
    }
    let free = UInt64(fs.f_bavail) * UInt64(fs.f_frsize)
    let wal = c.status(c.databasePath + "-wal").map { Int64($0.st_size) } ?? 0
    let text = "可用 \(free >> 20) MB,WAL \(wal >> 20) MB"
    if free < minimumFree {
      return .fail(text, fix: "清理磁盘或扩容,至少留出 \(minimumFree >> 20) MB(备份约与数据库一样大)")
    }
    if wal > maximumWAL {
      return .fail(text, fix: "关闭长时间未退出的 zwfw 会话,WAL 会在下次写入时收回")
    }
    return .pass(text)
  }

  static let audit = DoctorCheck("审计链") { c in
    let report = try c.store().verifyAudit(fast: true)
    if let b = report.firstBroken {
      return .fail(
        "来源 \(b.origin) 第 \(b.seq) 号事件: \(b.reason)",
        fix: "运行 zwfw audit verify 并从备份恢复(zwfw restore)")
    }
    return .pass("\(report.eventCount) 个事件,\(report.origins.count) 个来源,链接完整(快速检查)")
  }
}
