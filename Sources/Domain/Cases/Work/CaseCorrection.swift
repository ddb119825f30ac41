/// 更正 — a registration field a correction may change: its key (as the payload names it), the
/// label the clerk reads, and what kind of value it takes.
public struct CorrectableField: Equatable, Sendable {
  public enum Kind: Equatable, Sendable {
    case text(max: Int)
    case area(max: Int)
    /// One of these raw values, shown by their titles.
    case choice([(raw: String, title: String)])
    /// An organisation's code.
    case organisation

    public static func == (a: Kind, b: Kind) -> Bool {
      switch (a, b) {
      case (.text(let x), .text(let y)), (.area(let x), .area(let y)): return x == y
      case (.choice(let x), .choice(let y)): return x.map(\.raw) == y.map(\.raw)
      case (.organisation, .organisation): return true
      default: return false
      }
    }
  }

  public var key: String
  public var title: String
  public var kind: Kind

  public init(_ key: String, _ title: String, _ kind: Kind) {
    self.key = key
    self.title = title
    self.kind = kind
  }

  /// A value as the clerk reads it (a choice's title; an organisation's code stays).
  public func display(_ raw: String) -> String {
    if case .choice(let options) = kind { return options.first { $0.raw == raw }?.title ?? raw }
    return raw
  }

  /// A choice field of a Domain enum.
  static func choice<T: RawRepresentable & CaseIterable>(
    _ key: String, _ title: String, _: T.Type, _ name: (T) -> String
  ) -> CorrectableField where T.RawValue == String {
    CorrectableField(key, title, .choice(T.allCases.map { ($0.rawValue, name($0)) }))
  }
}

/// 更正 as recorded: the old value stays in the case.
public struct CaseCorrection: Codable, Equatable, Sendable {
  public var field: String
  public var old: String
  public var new: String
  public var reason: String
  public var by: String
  public var on: CivilDate
}

/// Payload of `case.corrected`.
public struct CaseCorrectionPayload: EventPayload {
  public var field: String
  public var old: String
  public var new: String
  public var reason: String
  /// The name of a corrected organisation (its code is `new`).
  public var name: String?
  /// The limit in working days the correction gives the case (紧急程度, by the rule table).
  public var limitDays: Int?
}
