/// 常用语 — a sentence clerks insert instead of typing it again (a conclusion, a callback note, a
/// 督办 requirement): of one field kind, for the whole district or for one organisation, in the
/// order its admins keep.
public struct PhraseTemplate: Codable, Equatable, Sendable {
  /// `BYQ-12`: the node that added it and its number there, unique across nodes.
  public var id: String
  public var kind: PhraseKind
  /// The organisation whose clerks see it; nil: 全区通用 (every organisation's clerks).
  public var org: String?
  public var text: String
  /// Place among the templates of the same kind and scope (smaller first).
  public var position: Int
  /// 已停用: no longer offered; kept, like every record, for the history.
  public var retired: Bool

  public init(
    id: String, kind: PhraseKind, org: String?, text: String, position: Int, retired: Bool = false
  ) {
    self.id = id
    self.kind = kind
    self.org = org
    self.text = text
    self.position = position
    self.retired = retired
  }

  /// 全区通用 or the organisation's name, as lists show the scope.
  public func scopeTitle(organisationName: (String) -> String?) -> String {
    guard let org else { return PhraseTemplate.districtWide }
    return organisationName(org) ?? org
  }

  public static let districtWide = "全区通用"

  /// At most this many characters: the longest a clerk would insert whole into a 500-字 field.
  public static let maxLength = 500

  /// The text as a template keeps it: trimmed, one paragraph (the fields it goes into have no
  /// line breaks: Enter moves on), no control characters, at most `maxLength` characters.
  public static func checkText(_ text: String) -> Result<String, Refusal> {
    let trimmed = text.trimmingSpacesAndNewlines()
    if trimmed.contains(where: \.isNewline) {
      return .failure(Refusal("常用语只能是一段文字,不能换行"))
    }
    if let p = FieldText.check(trimmed, field: "常用语", required: true, maxLength: maxLength) {
      return .failure(Refusal(p.message))
    }
    return .success(trimmed)
  }
}

extension Action {
  /// 维护常用语 (`zwfw templates …`, 系统管理 → 常用语) — system administrators.
  public static let managePhrases = Action("phrase.manage", "维护常用语", roles: [.admin])
}

/// 常用语的维护权 — who may add, change, retire or reorder a template, wherever it is written:
/// here by a command, or at another node and judged on import and by `audit verify`.
///
/// An enabled administrator working at the node that writes it (their organisation is served
/// there). 全区通用 ones are the district's; an organisation's own are written at the district
/// (district admins keep every organisation's) or at the node serving that organisation (a
/// township's admins keep their own).
public struct PhraseAuthority {
  /// The district's node code.
  public var district: String
  /// The node the change is written at.
  public var author: String
  /// The node serving an organisation (the district's for one without a node of its own).
  public var servingNode: (String) -> String
  public var organisationName: (String) -> String

  public init(
    district: String, author: String, servingNode: @escaping (String) -> String,
    organisationName: @escaping (String) -> String
  ) {
    self.district = district
    self.author = author
    self.servingNode = servingNode
    self.organisationName = organisationName
  }

  /// Why `staff` may not change a template of scope `org` (nil: 全区通用) at `author`, or nil.
  public func refusal(_ staff: Staff, scope org: String?) -> Refusal? {
    if let r = Permission.check(staff, .managePhrases) { return r }
    if servingNode(staff.org) != author {
      return Refusal("\(staff.name)不是本节点(\(author))的系统管理员,不能维护这里的常用语")
    }
    guard let org else {
      if author == district { return nil }
      return Refusal("「全区通用」常用语由区级节点维护,本节点只能维护所服务单位的常用语(指定单位)")
    }
    if author == district || servingNode(org) == author { return nil }
    return Refusal("「\(organisationName(org))」的常用语由区级节点或其所在节点维护")
  }
}
