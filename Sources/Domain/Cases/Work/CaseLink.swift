/// 关联案件 added after registration: a complaint, an application or a rectification linked to
/// another case (complaint ↔ application ↔ rectification), with the reason. Recorded on the
/// stream of the case it was added on; the find index (`FindKey.link`) shows it from both ends.
public struct CaseLink: Codable, Equatable, Sendable {
  /// The other case's number, as recorded.
  public var caseID: String
  /// The other case's kind (its stream kind: `complaint`, `application`, `rectification`).
  public var kind: String
  public var reason: String
  public var by: String
  public var on: CivilDate
  /// 取消关联 — set when the link was removed (it stays in the timeline).
  public var removal: CaseLinkRemoval?

  public var isActive: Bool { removal == nil }
}

/// 取消关联 as recorded: who removed a link, when and why.
public struct CaseLinkRemoval: Codable, Equatable, Sendable {
  public var caseID: String
  public var reason: String
  public var by: String
  public var on: CivilDate
}

/// Payload of `case.linked`.
public struct CaseLinkPayload: EventPayload {
  /// The other case's number.
  public var caseID: String
  /// The other case's stream kind.
  public var kind: String
  public var reason: String

  enum CodingKeys: String, CodingKey {
    case caseID = "case"
    case kind
    case reason
  }
}

/// Payload of `case.unlinked`.
public struct CaseUnlinkPayload: EventPayload {
  public var caseID: String
  public var reason: String

  enum CodingKeys: String, CodingKey {
    case caseID = "case"
    case reason
  }
}

/// The case a link names, found by what the clerk typed (查找 within the operator's
/// visibility): its kind, number and how the clerk reads it.
public struct CaseLinkTarget: Equatable, Sendable {
  public var kind: String
  public var caseID: String
  /// `投诉建议 关于…`: what the confirmation shows.
  public var label: String
}

extension CaseLinkTarget {
  /// The case `caseID` of `kind` (a stream kind), read as its kind's title then its own
  /// (`投诉建议 关于…`; the kind's title alone when the case has none).
  public init(kind: String, caseID: String, kindTitle: String, title: String) {
    self.init(
      kind: kind, caseID: caseID, label: title.isEmpty ? kindTitle : kindTitle + " " + title)
  }
}

extension CaseWorkMachine {
  /// The numbers of the cases this one links to now: those named at registration (unless
  /// removed since) and those added later (unless removed).
  public static func links(_ s: State) -> [String] {
    let removed = Set(s.work.unlinked.map { FindKey.normalised($0.caseID) })
    var out = registeredLinks(s).filter { !removed.contains(FindKey.normalised($0)) }
    for l in s.work.links where l.isActive && !out.contains(where: { same($0, l.caseID) }) {
      out.append(l.caseID)
    }
    return out
  }

  /// The find index's link keys of the case (`FindKey.link`): what shows a link from both ends.
  public static func linkKeys(_ s: State) -> [String] {
    (fixedLinks(s) + links(s)).flatMap { FindKey.link($0) }
  }

  static func same(_ a: String, _ b: String) -> Bool {
    FindKey.normalised(a) == FindKey.normalised(b)
  }

  /// 关联: the payload of a link to the case `text` names, checked.
  static func linkChange(_ s: State, _ text: String, _ reason: String, _ context: CaseContext)
    throws -> CaseWorkChange
  {
    let reason = try linkReason(reason, "关联理由")
    let own = caseID(s)
    let target = try context.lookup.linkTarget(text, for: context.staff)
    guard !same(target.caseID, own) else { throw Refusal("不能把案件关联到它自己") }
    let linkedBack = try context.lookup.linksBack(target, to: own)
    if linkedBack || (links(s) + fixedLinks(s)).contains(where: { same($0, target.caseID) }) {
      throw Refusal("\(own) 与 \(target.caseID) 已经关联")
    }
    return .linked(CaseLinkPayload(caseID: target.caseID, kind: target.kind, reason: reason))
  }

  /// 取消关联: the payload removing this case's link to `other`, checked.
  static func unlinkChange(_ s: State, _ other: String, _ reason: String) throws
    -> CaseWorkChange
  {
    let reason = try linkReason(reason, "取消关联的理由")
    if fixedLinks(s).contains(where: { same($0, other) }) {
      throw Refusal("\(other) 是本件所评价的办件,不能取消关联")
    }
    guard let recorded = links(s).first(where: { same($0, other) }) else {
      throw Refusal("\(caseID(s)) 没有关联 \(FieldText.sanitizeForDisplay(other))")
    }
    return .unlinked(CaseUnlinkPayload(caseID: recorded, reason: reason))
  }

  static func linkReason(_ text: String, _ field: String) throws -> String {
    let reason = text.trimmingSpacesAndNewlines()
    guard !reason.isEmpty else { throw Refusal("请填写\(field)") }
    guard reason.count <= CaseWorkLimits.reasonLength else {
      throw Refusal("\(field)不能超过\(CaseWorkLimits.reasonLength)字")
    }
    return reason
  }

  /// The fold of `case.linked` / `case.unlinked`.
  static func applyLink(
    _ s: inout State, _ change: CaseWorkChange, by actor: String, on date: CivilDate
  )
    -> Refusal?
  {
    switch change {
    case .linked(let b):
      guard !same(b.caseID, caseID(s)) else { return Refusal("不能把案件关联到它自己") }
      s.work.links.append(
        CaseLink(caseID: b.caseID, kind: b.kind, reason: b.reason, by: actor, on: date))
    case .unlinked(let b):
      guard links(s).contains(where: { same($0, b.caseID) }) else {
        return Refusal("\(caseID(s)) 没有关联 \(b.caseID)")
      }
      let removal = CaseLinkRemoval(caseID: b.caseID, reason: b.reason, by: actor, on: date)
      var found = false
      for i in s.work.links.indices
      where s.work.links[i].isActive && same(s.work.links[i].caseID, b.caseID) {
        s.work.links[i].removal = removal
        found = true
      }
      // A link named at registration is removed by recording its removal.
      if !found || registeredLinks(s).contains(where: { same($0, b.caseID) }) {
        s.work.unlinked.append(removal)
      }
    default: break
    }
    return nil
  }
}
