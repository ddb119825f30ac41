import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// 备份目录 — where scheduled backups go (`zwfw backup --out-dir DIR --keep N`): one file per run,
/// named by node and local time so names sort by age, the oldest beyond the kept number removed.
public struct BackupFolder: Sendable {
  public let path: String
  public let node: String

  public init(path: String, node: String) {
    self.path = path
    self.node = node
  }

  var prefix: String { "zwfw-backup-\(node)-" }
  static let suffix = ".db"

  /// `zwfw-backup-BYQ-20261126-093000.db`, in the deployment zone's local time.
  public func fileName(at date: Date, zone: DeploymentZone) -> String {
    let local = zone.civilDate(date)
    let (h, m) = zone.clockTime(date)
    let s = Int(date.timeIntervalSince1970) % 60
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return prefix + local.iso.replacingOccurrences(of: "-", with: "") + "-" + two(h) + two(m)
      + two(s) + Self.suffix
  }

  /// This node's backups in the folder, oldest first (only files named as `fileName` names them).
  public func backups() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { name in
      name.hasPrefix(prefix) && name.hasSuffix(Self.suffix)
        && name.dropFirst(prefix.count).dropLast(Self.suffix.count).allSatisfy {
          $0.isASCII && ($0.isNumber || $0 == "-")
        }
    }.sorted()
  }

  /// When the newest backup was written, nil if there is none.
  public func newest() -> Date? {
    guard let last = backups().last,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + last)
    else { return nil }
    return attributes[.modificationDate] as? Date
  }

  /// Removes this node's oldest backups beyond the newest `keep`; returns the names removed.
  /// Only files of our own naming are ever touched, and never the newest `keep` of them.
  public func rotate(keep: Int) throws -> [String] {
    let all = backups()
    guard keep >= 1, all.count > keep else { return [] }
    var removed: [String] = []
    for name in all.prefix(all.count - keep) {
      guard unlink(path + "/" + name) == 0 else {
        throw StoreError.invalid("无法删除旧备份 \(path)/\(name)")
      }
      removed.append(name)
    }
    return removed
  }
}
