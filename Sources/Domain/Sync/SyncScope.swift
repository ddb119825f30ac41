/// 同步范围 — which streams travel between nodes, and who may author them.
///
/// The one place that lists the stream kinds of shared data (数据同源: catalog, calendar, rule
/// tables, staff and organisations come only from the district) and of node-local configuration
/// (never synchronised). A feature that adds a shared kind adds it here.
public enum SyncScope {
  /// Kinds authored only by the district and sent to every township: organisations, staff, the
  /// working-day calendar, settings, nodes, the service-item catalog (`catalog`, its changes
  /// `catalogchange`, `listadj`) and rule tables. An event of these kinds from any other origin is
  /// refused at import.
  public static let districtOnlyKinds: Set<String> = [
    "org", "staff", "calendar", "setting", "peer", "catalog", "catalogchange", "listadj", "rule",
  ]

  /// Kinds that describe one installation (a printer, a window number) and never leave it. Their
  /// events are chained under the node's local origin (`WXZ.1.local`), so excluding them from a
  /// bundle leaves no hole in the chain the other side verifies. `report/…` records what this node
  /// handed out (`zwfw export gbt39046`).
  public static let localOnlyKinds: Set<String> = [
    "nodesetting", NodeGenesis.streamKind, HeldEvent.streamKind, "report",
  ]

  /// Kinds of shared data that an organisation's own node may author as well as the district
  /// (常用语): they are neither district-only nor node-local, so they travel like case streams (the
  /// template's organisation decides which township receives it, `stream_scope`) and an import
  /// judges them by their own rule (`PhraseAuthority`), but they are not cases.
  public static let organisationDataKinds: Set<String> = [PhraseReducer.streamKind]

  public static func kind(of stream: String) -> String { String(splitStream(stream).kind) }

  /// A case stream proper, as sync summaries count cases (not an organisation's templates).
  public static func countsAsCase(stream: String) -> Bool {
    isCase(stream: stream) && !organisationDataKinds.contains(kind(of: stream))
  }

  public static func isDistrictOnly(stream: String) -> Bool {
    districtOnlyKinds.contains(kind(of: stream))
  }

  public static func isLocalOnly(stream: String) -> Bool {
    localOnlyKinds.contains(kind(of: stream))
  }

  /// A case stream: neither shared data nor node-local configuration.
  public static func isCase(stream: String) -> Bool {
    !isDistrictOnly(stream: stream) && !isLocalOnly(stream: stream)
  }

  /// The epoch of a synchronisable origin (`1` of `WXZ.1`).
  public static func epoch(ofOrigin origin: String) -> Int? {
    guard node(ofOrigin: origin) != nil, let dot = origin.lastIndex(of: ".") else { return nil }
    return Int(origin[origin.index(after: dot)...])
  }

  /// An origin of `node` from an epoch before `epoch`: its history up to a restore.
  public static func isEarlierEpoch(_ origin: String, of node: String, before epoch: Int) -> Bool {
    self.node(ofOrigin: origin) == node && (self.epoch(ofOrigin: origin) ?? .max) < epoch
  }

  /// The node code of a synchronisable origin (`WXZ` of `WXZ.1`), or nil when the text is not of
  /// the form `CODE.EPOCH` (node-local origins such as `WXZ.1.local` are not).
  public static func node(ofOrigin origin: String) -> String? {
    let parts = origin.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, (2...12).contains(parts[0].count),
      parts[0].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }),
      (1...6).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
      let epoch = Int(parts[1]), epoch >= 1
    else { return nil }
    return String(parts[0])
  }
}

extension NodeIdentity {
  /// Origin of this node's node-local events: chained separately and never exported.
  public var localOrigin: String { origin + ".local" }
}
