import Domain
import Foundation

/// 冲突 — an event a stream's fold could not apply, awaiting a supervisor.
public struct ConflictRecord: Equatable, Sendable {
  public var origin: String
  public var seq: Int64
  public var stream: String
  public var message: String
}

extension ConflictRecord: RowDecodable, Decodable {
  public static let table = "conflict"
  public static let keyColumn = "seq"
}

extension Store {
  /// Conflicts no supervisor has resolved yet, by stream.
  public func openConflicts() throws -> [ConflictRecord] {
    try db.fetchAll(
      ConflictRecord.self,
      """
      SELECT origin, seq, stream, message FROM conflict WHERE resolved_by IS NULL
      ORDER BY stream, origin, seq
      """)
  }

  /// 处理冲突 — a supervisor records what the conflicting event means. The event stays in the
  /// timeline; the resolution is a `conflict.resolved` event on the same stream, so it travels
  /// with the case to the other node and the conflict closes there too.
  public func resolveConflict(origin: String, seq: Int64, resolution: String, by staff: Staff)
    throws
  {
    try write(as: staff, .resolveConflict, subject: "\(origin)#\(seq)") { tx in
      guard
        let (stream, resolvedBy) = try db.fetchOne(
          "conflict", key: "\(origin)#\(seq)",
          "SELECT stream, resolved_by FROM conflict WHERE origin = ? AND seq = ?", [origin, seq],
          {
            (
              try $0.decode("stream", as: String.self),
              try $0.decode("resolved_by", as: String?.self)
            )
          })
      else { throw Refusal("没有找到冲突 \(origin) 第 \(seq) 号事件") }
      if let resolvedBy { throw Refusal("该冲突已由 \(resolvedBy) 处理") }
      try tx.append([
        try ConflictResolution.resolving(
          stream: stream, origin: origin, seq: seq, resolution: resolution
        ).get()
      ])
    }
  }
}
