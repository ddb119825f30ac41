import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Who may read what zwfw writes. Files hold ID numbers, phones and complaints, so they are
/// private to the login that wrote them whatever the umask; on a node created with
/// `zwfw init --group G` (a setgid data folder) the group may read them too.
public struct FileAccess: Equatable, Sendable {
  /// The group that shares the node's files, nil for a private node.
  public var group: gid_t?

  public init(group: gid_t?) { self.group = group }

  public static let owner = FileAccess(group: nil)

  /// 0600, or 0640 on a shared node.
  public var fileMode: mode_t { group == nil ? 0o600 : 0o640 }
  /// 0700, or 2750 on a shared node (setgid: what is created inside keeps the group).
  public var folderMode: mode_t { group == nil ? 0o700 : 0o2750 }
  /// A folder every clerk of the node adds files to (the notices): 2770 on a shared node, since
  /// the clerk who happened to create it must not be the only one who can save a notice there.
  public var sharedFolderMode: mode_t { group == nil ? 0o700 : 0o2770 }
  /// The database itself: every clerk's login writes it on a shared node.
  public var databaseMode: mode_t { group == nil ? 0o600 : 0o660 }

  /// The access of the node whose database is at `path`: shared when the database's folder is
  /// setgid and group-writable (what `NodeDirectory.prepareShared` makes), private otherwise.
  public static func node(database path: String) -> FileAccess {
    let dir = (path as NSString).deletingLastPathComponent
    var st = stat()
    guard stat(dir.isEmpty ? "." : dir, &st) == 0 else { return .owner }
    let shared = st.st_mode & S_ISGID != 0 && st.st_mode & S_IRWXG == S_IRWXG
    return shared ? FileAccess(group: st.st_gid) : .owner
  }

  /// Gives an open file or folder its mode (and group) whatever the umask was at creation.
  func apply(to fd: Int32, mode: mode_t) -> Int32 {
    if let group, fchown(fd, uid_t.max, group) != 0 { return -1 }
    return fchmod(fd, mode)
  }
}

/// A file's identity (device and inode): what a path names, whatever the path says.
public struct FileIdentity: Hashable, Sendable {
  public let device: UInt64
  public let inode: UInt64

  /// The identity of the file at `path` (following a symlink), nil when there is none.
  public static func of(_ path: String) -> FileIdentity? {
    var st = stat()
    return stat(path, &st) == 0 ? FileIdentity(st) : nil
  }

  /// A node's database and the files SQLite keeps beside it: none of them is ever a target.
  public static func database(_ path: String) -> Set<FileIdentity> {
    Set(["", "-wal", "-shm", "-journal"].compactMap { of(path + $0) })
  }
}

extension FileIdentity {
  // In an extension so the memberwise initialiser stays synthesised.
  init(_ st: stat) {
    self.init(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
  }
}
