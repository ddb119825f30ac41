import Domain
import Store

/// A change the 系统管理 pane asks the store for, with everything it needs.
enum AdminWork: Equatable, Sendable {
  case addOrganisation(Organisation)
  case renameOrganisation(String, to: String)
  case addStaff(Staff)
  case roles(login: String, Set<Role>)
  case rule(key: String, value: String, note: String)
  case organisationDisabled(Organisation, Bool)
  case staffDisabled(Staff, Bool)
  case addPhrase(PhraseKind, org: String?, text: String)
  case editPhrase(String, PhraseKind, text: String)
  case retirePhrase(PhraseTemplate)
  case movePhrase(PhraseTemplate, up: Bool)

  /// What the clerk is told once it is done; `inForce` is the rule value the store kept.
  func done(_ inForce: Int?) -> String {
    switch self {
    case .addOrganisation(let o): return "已添加单位 \(o.code) \(o.name)"
    case .renameOrganisation(let code, let name): return "已将单位 \(code) 更名为 \(name)"
    case .addStaff(let s): return "已添加工作人员 \(s.login) \(s.name)"
    case .roles(let login, let roles):
      return "已将 \(login) 的角色调整为 \(roles.sorted().map(\.title).joined(separator: "、"))"
    case .rule(let key, let typed, _):
      return "已将 \(key) 设为 \(inForce.map { String($0) } ?? typed),之后登记的案件按新值计算"
    case .organisationDisabled(let o, let disable):
      return "已\(disable ? "停用" : "启用")单位 \(o.code) \(o.name)"
    case .staffDisabled(let s, let disable):
      return "已\(disable ? "停用" : "启用")账号 \(s.login) \(s.name)"
    case .addPhrase(let kind, _, _): return "已添加「\(kind.title)」常用语"
    case .editPhrase(let id, _, _): return "已修改常用语 \(id)"
    case .retirePhrase(let p): return "已停用常用语 \(p.id)"
    case .movePhrase(let p, let up): return "已将常用语 \(p.id) \(up ? "前移" : "后移")一位"
    }
  }

  /// A form's step (its refusal puts the form back); the others are a y/n question.
  var fromForm: Bool {
    switch self {
    case .organisationDisabled, .staffDisabled, .retirePhrase, .movePhrase: return false
    default: return true
    }
  }
}

/// The pane's work outside itself, run by the workstation (`EffectRunner`).
enum AdminEffect: Equatable {
  /// The overview read again; `then` is what the clerk is told once it has been read.
  case reload(then: Toast?)
  case perform(AdminWork)
}

enum AdminAnswer {
  case loaded(Result<AdminOverview, any Error>, then: Toast?)
  /// Done (with the rule value now in force, for a rule), or the store's refusal.
  case performed(AdminWork, Result<Int?, any Error>)
}

extension AdminPane {
  /// The only place the pane calls its service.
  func run(_ effect: AdminEffect, _ context: AppContext) -> AdminAnswer {
    switch effect {
    case .reload(let then): return .loaded(Result { try service.overview() }, then: then)
    case .perform(let work): return .performed(work, Result { try perform(work, context.staff) })
    }
  }

  func perform(_ work: AdminWork, _ me: Staff) throws -> Int? {
    switch work {
    case .addOrganisation(let o): try service.addOrganisation(o, by: me)
    case .renameOrganisation(let code, let name):
      try service.renameOrganisation(code, to: name, by: me)
    case .addStaff(let s): try service.addStaff(s, by: me)
    case .roles(let login, let roles): try service.changeRoles(login: login, to: roles, by: me)
    case .rule(let key, let value, let note):
      return try service.setRule(key: key, value: value, note: note, by: me)
    case .organisationDisabled(let o, let disable):
      try service.setOrganisationDisabled(o.code, disable, by: me)
    case .staffDisabled(let s, let disable):
      try service.setStaffDisabled(login: s.login, disable, by: me)
    case .addPhrase(let kind, let org, let text):
      try service.addPhrase(kind: kind, org: org, text: text, by: me)
    case .editPhrase(let id, let kind, let text):
      try service.editPhrase(id, kind: kind, text: text, by: me)
    case .retirePhrase(let p): try service.retirePhrase(p.id, by: me)
    case .movePhrase(let p, let up): try service.movePhrase(p.id, up: up, by: me)
    }
    return nil
  }

  mutating func start(_ context: AppContext) -> Update<AdminEffect> { .run(.reload(then: nil)) }

  mutating func receive(_ answer: AdminAnswer, _ context: AppContext) -> Update<AdminEffect> {
    switch answer {
    case .loaded(let result, let then):
      loadError = result.take(into: &overview)
      cursor.clamp(count: rowCount, page: 10)
      return then.map { .toast($0) } ?? .handled
    case .performed(let work, .success(let value)):
      flow.close()
      return .run(.reload(then: .info(work.done(value))))
    case .performed(let work, .failure(let error)):
      let message = CLI.message(for: error)
      // Everything typed stays; the store's refusal is shown as the command line shows it.
      guard work.fromForm else { return .run(.reload(then: .error(message))) }
      return Update(flow.performRefused(message))
    }
  }
}
