import Domain

/// The case work keys (备注、认领、指派、转办) of every case view: the keys, and what each opens
/// in the pane's own `StepFlow`, so each kind of case gets the same forms, confirmations and
/// messages from one place.
public struct CaseWorkKey: PaneCommand, CaseIterable {
  /// The step the key stands for: the key is the step, named in the keymap as `work.<step>`.
  public let step: CaseWorkStep

  /// The key of a step (认领 is on 指派's key, but has its own command for the help).
  public init(_ step: CaseWorkStep) { self.step = step }

  public init?(rawValue: String) {
    guard rawValue.hasPrefix(Self.prefix),
      let step = CaseWorkStep(rawValue: String(rawValue.dropFirst(Self.prefix.count)))
    else { return nil }
    self.step = step
  }

  public var rawValue: String { Self.prefix + step.rawValue }
  // The keys by name, as the keymap and the panes write them (`CaseWorkKey.assign`).
  public static let note = CaseWorkKey(.note)
  public static let correct = CaseWorkKey(.correct)
  public static let claim = CaseWorkKey(.claim)
  public static let assign = CaseWorkKey(.assign)
  public static let redirect = CaseWorkKey(.redirect)
  public static let link = CaseWorkKey(.link)
  public static var allCases: [CaseWorkKey] { CaseWorkStep.allCases.map(CaseWorkKey.init) }
  private static let prefix = "work."

  /// The steps a key may stand for: `z` assigns for whoever may, else claims (认领).
  public var steps: [CaseWorkStep] { step == .assign ? [.assign, .claim] : [step] }

  /// The key as it acts for an operator to whom `open` says which steps are open now.
  public func resolved(open: (CaseWorkStep) -> Bool) -> CaseWorkKey {
    step == .assign && !open(.assign) && open(.claim) ? CaseWorkKey(.claim) : self
  }
}

/// What a case work form or picker is for.
public enum CaseWorkPurpose: Equatable, Sendable {
  case note
  /// The colleague to assign to; `claimant`, when one, is the operator who may take it
  /// themselves (认领) and is offered first.
  case assign(claimant: String?)
  case redirectTo
  case redirect(org: String, name: String)
  /// 更正: which field, then (for an organisation) which one, then the new value and the reason.
  case correctField
  case correctOrg(field: String)
  case correct(field: String, org: String?)
  /// 关联: add one or remove one (the picker), the case to link, the link to remove.
  case linkChoice
  case link
  case unlink(case: String)
}

/// The case as the case work forms word it.
public struct CaseWorkSubject: Sendable {
  public var caseID: String
  public var organisation: String
  public var organisationName: String
  public var assignee: String?
  /// The deadline now running, if any (a redirection keeps it).
  public var due: CivilDate?
  /// Names for logins.
  public var names: [String: String]
  /// 更正: the fields of this kind of case and their values now.
  public var fields: [CorrectableField] = []
  public var values: [String: String] = [:]
  /// Names of organisations, for a corrected organisation's code.
  public var organisationNames: [String: String] = [:]
  /// 关联案件 now, from either end (number, then how the clerk reads it): what 取消关联 offers.
  public var linked: [(caseID: String, label: String)] = []
  /// The operator, when 认领 is open to them besides 指派 (a supervisor or lead who also
  /// handles): the assignment picker offers them first, and picking them claims the case.
  public var claimant: String?

  /// The subject with `login` as the one who may also claim it (nil: nobody).
  public func claimable(by login: String?) -> CaseWorkSubject {
    var s = self
    s.claimant = login
    return s
  }

  /// The subject of a case of machine `M`, with its correctable fields and their values.
  public static func of<M: CaseWorkMachine>(
    _ machine: M.Type, _ s: M.State, organisationName: String, due: CivilDate?,
    names: [String: String], organisations: [Organisation]
  ) -> CaseWorkSubject {
    let owner = M.workingOrganisation(s)
    var subject = CaseWorkSubject(
      caseID: M.caseID(s), organisation: owner.code, organisationName: organisationName,
      assignee: M.assignee(s), due: due, names: names)
    subject.fields = M.correctableFields
    for f in M.correctableFields { subject.values[f.key] = M.value(s, of: f.key) ?? "" }
    subject.organisationNames = Dictionary(
      organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    return subject
  }

  /// A field's value as the clerk reads it.
  func display(_ field: CorrectableField, _ raw: String) -> String {
    if field.kind == .organisation { return organisationNames[raw] ?? raw }
    return field.display(raw)
  }

  func name(_ login: String) -> String { names[login] ?? login }
}

/// What the pane does after a case work key or answer.
public enum CaseWorkNext<Work: Sendable> {
  /// The flow shows a form, picker or confirmation.
  case shown
  /// The form's values were refused; the flow shows it again with the reason.
  case refused(PaneResponse)
  /// Perform `work` now (the form's F5 was confirmation enough).
  case perform(Work)
  /// Nothing to do.
  case closed
}

public enum CaseWorkFlow {
  /// The keys every case view adds to its own (the README lists them with each pane).
  public static let bindings: [KeyBinding] = [
    KeyBinding([.char("o")], CaseWorkKey.note, "备注/进展", bar: true, needs: .noteCase),
    KeyBinding([.char("g")], CaseWorkKey.correct, "更正", bar: true, needs: .correctCase),
    // One key: a supervisor assigns, a handler takes the case (认领).
    KeyBinding([.char("z")], CaseWorkKey.assign, "认领/指派", bar: true),
    KeyBinding([.char("q")], CaseWorkKey.redirect, "转办", bar: true, needs: .redirectCase),
    KeyBinding([.char("L")], CaseWorkKey.link, "关联/取消关联", bar: true, needs: .linkCase),
  ]

  /// What a step is called in a message (`备注已保存`).
  public static func title(_ step: CaseWorkStep) -> String {
    switch step {
    case .note: return "备注"
    case .correct: return "更正"
    case .claim: return "认领"
    case .assign: return "指派"
    case .redirect: return "转办"
    case .link: return "关联"
    }
  }

  /// The note form (内部备注 or a progress entry).
  static func noteForm(_ s: CaseWorkSubject) -> Form {
    var f = Form(
      title: "备注/办理进展 \(s.caseID)",
      fields: [
        .choice("kind", "类别", NoteKind.self),
        .area("text", "内容", max: CaseWorkLimits.noteLength, lines: 5, required: true)
          .phrases(.note),
      ])
    f.footer = ["仅工作人员可见,不打印;保密案件的备注随案件的可见范围。"]
    return f
  }
}

extension StepFlow {
  /// Opens what case work `key` needs: a form, a picker, or the confirmation.
  public mutating func openWork(
    _ key: CaseWorkKey, _ s: CaseWorkSubject, colleagues: [Staff], organisations: [Organisation],
    purpose: (CaseWorkPurpose) -> Purpose, work: (CaseWorkCommand) -> Work
  ) {
    switch key.step {
    case .note: show(CaseWorkFlow.noteForm(s), purpose(.note))
    case .correct:
      let options = s.fields.map { f in
        let now = s.display(f, s.values[f.key] ?? "").replacingOccurrences(of: "\n", with: " ")
        return Picker.Option(
          id: f.key, label: "\(f.title)  \(now.count > 30 ? String(now.prefix(30)) + "…" : now)")
      }
      pick(Picker(title: "更正 \(s.caseID) 的登记信息", options: options), purpose(.correctField))
    case .claim:
      confirm(
        "认领", ["认领 \(s.caseID),由你经办?", "认领后本件列入你的「我的」。"], work(.claim),
        done: "已认领 \(s.caseID)")
    case .assign:
      // Oneself only as a claim (认领), first; the rule refuses assigning oneself otherwise.
      let me = colleagues.filter { $0.login == s.claimant }.map {
        Picker.Option(id: $0.login, label: "\($0.name)  \($0.login)  认领(由我经办)", keywords: $0.login)
      }
      let options =
        me
        + colleagues.filter { $0.login != s.assignee && $0.login != s.claimant }.map {
          Picker.Option(id: $0.login, label: "\($0.name)  \($0.login)", keywords: $0.login)
        }
      pick(
        Picker(title: "指派 \(s.caseID) 给(\(s.organisationName)经办人员)", options: options),
        purpose(.assign(claimant: s.claimant)))
    case .redirect:
      let options = organisations.filter { $0.code != s.organisation }.map {
        Picker.Option(id: $0.code, label: "\($0.name)  \($0.kind.title)", keywords: $0.code)
      }
      pick(Picker(title: "把 \(s.caseID) 转办至", options: options), purpose(.redirectTo))
    case .link: openLink(s, purpose: purpose)
    }
  }

  /// A picker's choice: the confirmation of an assignment, or the reason form of a redirection.
  public mutating func pickedWork(
    _ option: Picker.Option, _ p: CaseWorkPurpose, _ s: CaseWorkSubject,
    purpose: (CaseWorkPurpose) -> Purpose, work: (CaseWorkCommand) -> Work
  ) {
    switch p {
    case .assign(let claimant?) where option.id == claimant:
      openWork(
        CaseWorkKey(.claim), s, colleagues: [], organisations: [], purpose: purpose, work: work)
    case .assign:
      let name = s.name(option.id)
      let from = s.assignee.map { "(原经办人 \(s.name($0)))" } ?? ""
      confirm(
        "指派", ["把 \(s.caseID) 指派给\(name)\(from)?"], work(.assign(to: option.id)),
        done: "已指派给\(name)")
    case .redirectTo:
      let name = String(option.label.split(separator: " ").first ?? "")
      var f = Form(
        title: "转办 \(s.caseID) 至\(name)",
        fields: [
          .area("reason", "转办理由", max: CaseWorkLimits.reasonLength, lines: 3, required: true)
        ])
      f.footer = [
        "由\(s.organisationName)转至\(name);" + (s.due.map { "办结期限 \($0.iso) 不变。" } ?? "")
      ]
      show(f, purpose(.redirect(org: option.id, name: name)))
    case .correctField:
      guard let field = s.fields.first(where: { $0.key == option.id }) else { return close() }
      if field.kind == .organisation {
        let options = s.organisationNames.sorted { $0.key < $1.key }.map {
          Picker.Option(id: $0.key, label: $0.value, keywords: $0.key)
        }
        pick(
          Picker(title: "更正\(field.title)为", options: options),
          purpose(.correctOrg(field: field.key)))
      } else {
        show(
          CaseWorkFlow.correctionForm(field, s, org: nil),
          purpose(.correct(field: field.key, org: nil)))
      }
    case .correctOrg(let key):
      guard let field = s.fields.first(where: { $0.key == key }) else { return close() }
      show(
        CaseWorkFlow.correctionForm(field, s, org: option.id),
        purpose(.correct(field: key, org: option.id)))
    case .linkChoice: pickedLink(option, s, purpose: purpose)
    default: close()
    }
  }

  /// A case work form sent (F5): refused with the reason, confirmed, or performed.
  ///
  /// - Parameter preview: the deadline before and after a command, or why it would be refused
  ///   (`CaseWorkMachine.trialWork`): a correction says both before it is saved.
  public mutating func submittedWork(
    _ form: Form, _ p: CaseWorkPurpose, _ s: CaseWorkSubject,
    purpose: (CaseWorkPurpose) -> Purpose, work: (CaseWorkCommand) -> Work,
    preview: (CaseWorkCommand) -> Result<CaseWorkPreview, Refusal>
  ) -> CaseWorkNext<Work> {
    var f = form
    if let problem = f.validate() { return .refused(refuse(f, purpose(p), problem)) }
    switch p {
    case .note:
      let kind = f.choice("kind", as: NoteKind.self) ?? .note
      show(f, purpose(p))
      let command = work(.note(kind, text: f["text"]))
      begin(command, done: "已记录\(kind == .note ? "内部备注" : "办理进展")")
      return .perform(command)
    case .redirect(let org, let name):
      show(f, purpose(p))
      confirm(
        "转办",
        [
          "把 \(s.caseID) 由\(s.organisationName)转至\(name)?", "理由: \(f["reason"])",
          s.due.map { "办结期限 \($0.iso) 不变(转办不重新计算期限)。" } ?? "转办后由\(name)办理。",
        ], work(.redirect(org: org, reason: f["reason"])), done: "\(s.caseID) 已转办至\(name)")
      return .shown
    case .correct(let key, let org):
      guard let field = s.fields.first(where: { $0.key == key }) else {
        close()
        return .closed
      }
      var value = org ?? f["value"]
      if case .choice(let options) = field.kind {
        value = options.first { $0.title == value }?.raw ?? value
      }
      let command = CaseWorkCommand.correct(field: key, value: value, reason: f["reason"])
      let due: CaseWorkPreview
      switch preview(command) {
      case .failure(let refusal):
        return .refused(
          refuse(f, purpose(p), refusal.description, field: org == nil ? "value" : nil))
      case .success(let d): due = d
      }
      show(f, purpose(p))
      var lines = [
        "更正 \(s.caseID) 的\(field.title)?",
        "原为: \(s.display(field, s.values[key] ?? ""))", "改为: \(s.display(field, value))",
        "理由: \(f["reason"])",
      ]
      if let before = due.before, let after = due.after, before != after {
        lines.append("办结期限由 \(before.iso) 改为 \(after.iso)(按更正后的紧急程度重新计算,第三十二条)。")
      } else if let before = due.before, field.maxLength == 0 {
        // A choice or an organisation may bear on the deadline: say that this one does not.
        lines.append("办结期限 \(before.iso) 不变。")
      }
      confirm("更正", lines, work(command), done: "已更正\(field.title),原登记内容保留在办理过程中")
      return .shown
    case .link, .unlink:
      return submittedLink(f, p, s, purpose: purpose, work: work, preview: preview)
    default:
      close()
      return .closed
    }
  }
}

extension CorrectableField {
  /// The longest value a text field takes (0 for the others).
  var maxLength: Int {
    switch kind {
    case .text(let max), .area(let max): return max
    default: return 0
    }
  }
}

extension CaseWorkFlow {
  /// The correction form: the new value (as now, to edit) and the reason.
  static func correctionForm(_ field: CorrectableField, _ s: CaseWorkSubject, org: String?)
    -> Form
  {
    let now = s.values[field.key] ?? ""
    var valueField: FormField
    switch field.kind {
    case .text(let max):
      valueField = .text("value", field.title, value: now, max: max, required: true)
    case .area(let max): valueField = .area("value", field.title, value: now, max: max, lines: 4)
    case .choice(let options):
      valueField = .choice(
        "value", field.title, options.map(\.title), value: field.display(now))
    case .organisation:
      valueField = .text("value", field.title, value: s.display(field, org ?? now), max: 40)
      valueField.hidden = true
    }
    var fields = [valueField]
    fields.append(
      .area("reason", "更正理由", max: CaseWorkLimits.reasonLength, lines: 3, required: true))
    var f = Form(title: "更正\(field.title) \(s.caseID)", fields: fields)
    f.footer = [
      "原为: \(s.display(field, now))" + (org.map { ";改为: \(s.organisationNames[$0] ?? $0)" } ?? ""),
      "原登记内容保留在办理过程中。",
    ]
    return f
  }
}
