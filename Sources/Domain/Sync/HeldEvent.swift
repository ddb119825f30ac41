/// Payload of `sync.held`, on the node-local stream `hold/<the held event's stream>`.
public struct HeldEvent: EventPayload {
  public var origin: String
  public var seq: Int64
  public var reason: String

  public static let streamKind = "hold"

  /// `hold/complaint/BYQ-2026-000001` for the events held on `complaint/BYQ-2026-000001`.
  public static func stream(holding stream: String) -> String { "\(streamKind)/\(stream)" }

  /// The conflict a held event shows as.
  public var conflict: Conflict {
    Conflict(origin: origin, seq: seq, message: "未采纳: \(reason)")
  }
}
