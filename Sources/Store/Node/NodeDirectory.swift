import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The data directory several clerks' logins share: one group, setgid so files created in it
/// (the -wal and -shm files) belong to that group, and group-writable.
public enum NodeDirectory {
  public static func prepareShared(directory: String, group: String) throws {
    let dir = directory.isEmpty ? "." : directory
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    guard let gr = getgrnam(group) else {
      throw StoreError.invalid("用户组「\(group)」不存在,请先创建(groupadd \(group))并把窗口人员加入该组")
    }
    let gid = gr.pointee.gr_gid
    guard chown(dir, uid_t.max, gid) == 0 else {
      throw StoreError.invalid("无法把目录 \(dir) 的用户组设为 \(group)(需要管理员权限)")
    }
    // rwx for owner and group, setgid: every clerk can create the -wal/-shm files.
    guard chmod(dir, S_IRWXU | S_IRWXG | S_ISGID) == 0 else {
      throw StoreError.invalid("无法设置目录 \(dir) 的权限")
    }
  }

  /// Group read-write on the database: SQLite gives the -wal and -shm files the same mode.
  public static func shareFile(_ path: String) throws {
    guard chmod(path, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP) == 0 else {
      throw StoreError.invalid("无法设置数据库文件 \(path) 的权限")
    }
  }
}
