import Domain
import Foundation

/// Why a file was not written, in the clerk's words. Nothing was changed in any of these cases.
public enum FileProblem: Error, Equatable, UserFacingError {
  /// The target exists; `suggestion` is a free name in the same folder.
  case exists(path: String, suggestion: String?)
  /// The target is this node's database or one of its `-wal`/`-shm`/`-journal` files.
  case database(path: String)
  /// A symbolic link where a folder should be.
  case symlink(path: String)
  case notFolder(path: String)
  case noFolder(path: String)
  case failed(path: String, reason: String)

  public var userMessage: String {
    switch self {
    case .exists(let p, let s):
      let hint = s.map { ",可改用 \($0)" } ?? ""
      return "文件 \(p) 已存在,不会覆盖\(hint)"
    case .database(let p): return "\(p) 是本节点的数据库文件,不能写入;请换一个文件名"
    case .symlink(let p): return "\(p) 是符号链接,为防止写到别处,zwfw 不跟随它;请使用实际的目录"
    case .notFolder(let p): return "\(p) 不是目录"
    case .noFolder(let p): return "目录 \(p) 不存在"
    case .failed(let p, let r): return "无法写入文件 \(p)(\(r)),未写入任何内容"
    }
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
