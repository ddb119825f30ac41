/// 节点创世 stream `genesis/CODE`: the node's identity and mode as created (`zwfw demo`, `zwfw
/// init`, or the authenticated enrolment file). The `local_node` row is a cache of it that a
/// `sqlite3` shell can edit; whether `--as` and `--now` writes are allowed is read from here.
public enum NodeGenesis {
  public static let streamKind = "genesis"

  public static func stream(_ code: String) -> String { "\(streamKind)/\(code)" }

  /// The identity a genesis event states, nil when it is not one.
  public static func identity(of event: Event) -> NodeIdentity? {
    guard event.type == .nodeGenesis, let node = try? event.decode(NodeIdentity.self),
      event.stream == stream(node.code), event.node == node.code,
      event.origin == "\(node.code).\(node.epoch).local"
    else { return nil }
    return node
  }
}
