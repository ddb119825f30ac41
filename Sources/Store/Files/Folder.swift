import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An open folder, reached one component at a time without following symbolic links: a link
/// planted where a folder should be (`notices/2026` → someone else's folder) is refused rather
/// than written through. The one exception is a root-owned link directly under `/` (`/home` →
/// `/usr/home`): only the system's own layout puts one there.
final class Folder {
  let fd: Int32
  /// The path as given (for messages).
  let path: String

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// Opens `path`, creating missing folders with `mode` when `create` is set.
  static func open(_ path: String, create: Bool, mode: mode_t, access: FileAccess) throws -> Folder
  {
    let start = path.hasPrefix("/") ? "/" : "."
    var fd = Glibc.open(start, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw FileProblem.noFolder(path: start) }
    var pending = components(path)
    var walked = path.hasPrefix("/") ? "" : "."
    var links = 0
    while !pending.isEmpty {
      let name = pending.removeFirst()
      let here = walked == "." ? name : walked + "/" + name
      var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      if next < 0, errno == ENOENT, create {
        if mkdirat(fd, name, mode & 0o777) == 0 {
          next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
          if next >= 0, access.apply(to: next, mode: mode) != 0 {
            let reason = FileProblem.errnoText()
            close(next)
            close(fd)
            throw FileProblem.failed(path: here, reason: reason)
          }
        } else if errno == EEXIST {
          next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
      }
      if next < 0 {
        let code = errno
        var st = stat()
        let exists = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0
        if exists, st.st_mode & S_IFMT == S_IFLNK, st.st_uid == 0, walked.isEmpty, links < 8,
          let target = readLink(fd, name)
        {
          // A root-owned link: continue from its target.
          links += 1
          pending = components(target) + pending
          if target.hasPrefix("/") {
            close(fd)
            fd = Glibc.open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { throw FileProblem.noFolder(path: "/") }
          }
          walked = ""  // still at `/`: the link's target is walked like any other path
          continue
        }
        close(fd)
        if exists, st.st_mode & S_IFMT == S_IFLNK { throw FileProblem.symlink(path: here) }
        if exists, st.st_mode & S_IFMT != S_IFDIR { throw FileProblem.notFolder(path: here) }
        if code == ENOENT { throw FileProblem.noFolder(path: here) }
        errno = code
        throw FileProblem.failed(path: here, reason: FileProblem.errnoText())
      }
      close(fd)
      fd = next
      walked = here
    }
    return Folder(fd: fd, path: path.isEmpty ? "." : path)
  }

  private static func components(_ path: String) -> [String] {
    path.split(separator: "/").map(String.init).filter { $0 != "." }
  }

  private static func readLink(_ fd: Int32, _ name: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlinkat(fd, name, &buffer, buffer.count - 1)
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// What is at `name` in this folder (not following a link), nil when nothing is.
  func status(_ name: String) -> stat? {
    var st = stat()
    return fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? st : nil
  }

  /// A path that reaches `name` in exactly this folder, whatever happens to the folder's path:
  /// for SQLite, which opens files by name.
  func pinnedPath(_ name: String) -> String { "/proc/self/fd/\(fd)/\(name)" }

  func sync() -> Bool { fsync(fd) == 0 }
}
