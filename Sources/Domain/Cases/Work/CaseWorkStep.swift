/// The steps of case work, the same on every kind of case (what a key stands for).
public enum CaseWorkStep: String, CaseIterable, Sendable {
  case note
  case correct
  case claim
  case assign
  case redirect
  /// 关联 / 取消关联
  case link

  public var action: Action {
    switch self {
    case .note: return .noteCase
    case .correct: return .correctCase
    case .claim: return .claimCase
    case .assign: return .assignCase
    case .redirect: return .redirectCase
    case .link: return .linkCase
    }
  }
}

/// 案件办理记录 as a clerk asks for it, with what they typed.
public enum CaseWorkCommand: Equatable, Sendable {
  case note(NoteKind, text: String)
  /// 认领 — the acting handler takes the case.
  case claim
  /// 指派 — to a colleague of the organisation working the case.
  case assign(to: String)
  /// 转办 — to another organisation, with the reason.
  case redirect(org: String, reason: String)
  /// 更正 — a registration field, with the reason.
  case correct(field: String, value: String, reason: String)
  /// 关联 — to the case `text` names (its number or what 查找 finds it by), with the reason.
  case link(to: String, reason: String)
  /// 取消关联 — of the case numbered `case`, with the reason.
  case unlink(case: String, reason: String)

  public var step: CaseWorkStep {
    switch self {
    case .note: return .note
    case .claim: return .claim
    case .assign: return .assign
    case .redirect: return .redirect
    case .correct: return .correct
    case .link, .unlink: return .link
    }
  }
}

extension Action {
  /// Anyone of the organisation working the case (and supervisors) records how it goes.
  public static let noteCase = Action(
    "case.note", "记录备注和办理进展", roles: [.counter, .handler, .supervisor],
    ownOrganisationOnly: true)
  /// Who registered or works the case corrects what was registered wrongly.
  public static let correctCase = Action(
    "case.correct", "更正登记信息", roles: [.counter, .handler, .supervisor],
    ownOrganisationOnly: true)
  public static let claimCase = Action(
    "case.claim", "认领案件", roles: [.handler], ownOrganisationOnly: true)
  /// A supervisor assigns anywhere; the organisation's lead (负责人) inside it.
  public static let assignCase = Action(
    "case.assign", "指派经办人", roles: [.supervisor, .lead], ownOrganisationOnly: true)
  public static let redirectCase = Action("case.redirect", "转办至其他单位", roles: [.supervisor])
  /// Who may write notes on a case links it to another (and removes a link).
  public static let linkCase = Action(
    "case.link", "关联案件", roles: [.counter, .handler, .supervisor], ownOrganisationOnly: true)
}

/// Longest note a clerk may write.
public enum CaseWorkLimits {
  public static let noteLength = 1000
  public static let reasonLength = 200
}
