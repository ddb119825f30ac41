/// The rules of each change, in one place (see `ComplaintMachine`): what the state decides
/// (`stateRefusal`, also what a pane asks through `availability`), then what was entered.
extension ComplaintMachine {
  /// > 延期处理时长不得超过该类投诉建议限时处理时长 (第三十二条(五)): the most working days an
  /// extension of `c` may ask for.
  public static func extensionLimit(_ c: Complaint) -> Int { c.registration.limitDays }

  /// The working days a callback may give a new round when the complainant is not satisfied.
  public static let reopenDayRange = 1...60

  /// The 办结期限 an approved extension of `days` would give `c`.
  public static func extendedDue(_ c: Complaint, days: Int, _ calendar: WorkCalendar)
    -> CivilDate?
  {
    c.due.map { extended($0, by: days, calendar) }
  }

  /// A deadline moved on by an extension of `days` working days.
  public static func extended(_ due: CivilDate, by days: Int, _ calendar: WorkCalendar)
    -> CivilDate
  {
    calendar.deadline(receivedAt: due, workingDays: days)
  }

  /// The 办结期限 of a round of `days` working days started on `date` (registration, or the new
  /// round an unsatisfied callback opens).
  public static func roundDue(from date: CivilDate, days: Int, _ calendar: WorkCalendar)
    -> CivilDate
  {
    calendar.deadline(receivedAt: date, workingDays: days)
  }

  /// 退回期限 — the last day an organisation dispatched to on `date` may return the case, with
  /// the rule table's window of `days` working days (第三十三条).
  public static func returnUntil(dispatchedOn date: CivilDate, days: Int, _ calendar: WorkCalendar)
    -> CivilDate
  {
    calendar.deadline(receivedAt: date, workingDays: days)
  }

  /// Why `change` may not happen to `state` on `date`; nil when it may.
  public static func check(
    _ state: Complaint?, _ change: ComplaintChange, on date: CivilDate, calendar: WorkCalendar
  ) -> Refusal? {
    if case .registered(let r) = change {
      if let state { return Refusal("编号 \(state.id) 已被使用") }
      guard r.limitDays >= 1 else { return Refusal("办理时限应至少1个工作日") }
      return r.problems().first.map { Refusal($0.message) }
    }
    guard let c = state else { return Refusal("投诉建议尚未登记") }
    switch change {
    case .registered: return nil
    case .rejected(let b):
      return rejectable(c) ?? fieldRefusal(b.note, "说明", required: false, max: 200)
    case .dispatched(let b):
      return stateRefusal(c, .dispatch, on: date)
        ?? (b.org.isEmpty ? Refusal("请选择分派单位") : nil)
    case .returned(let b):
      return returnable(c, on: date) ?? fieldRefusal(b.text, "退回理由", required: true, max: 200)
    case .merged(let primary, _, _):
      if primary == c.id { return Refusal("不能把投诉建议并入它自己") }
      return mergeable(c)
    case .mergeAccepted(let source):
      if c.status == .merged, let p = c.mergedInto {
        return Refusal("\(c.id) 本身已并入 \(p),请选择 \(p) 作为主件")
      }
      guard c.status.isOpen else { return Refusal("主件 \(c.id) \(c.status.title),不能接收合并") }
      return c.mergedSources.contains(source) ? Refusal("\(source) 已并入 \(c.id)") : nil
    case .split(let primary):
      guard c.status == .merged, c.mergedInto == primary else {
        return Refusal("\(c.id) 没有并入 \(primary),无需拆分")
      }
      return nil
    case .mergeReleased(let source):
      return c.mergedSources.contains(source) ? nil : Refusal("\(source) 没有并入 \(c.id)")
    case .extensionRequested(let b): return checkExtension(c, b, on: date)
    case .extensionDecided: return stateRefusal(c, .decideExtension, on: date)
    case .concluded(let b): return checkConclusion(c, b, on: date)
    case .calledBack(let b): return checkCallback(c, b, on: date)
    case .notCalledBack(let b): return checkNoCallback(c, b, on: date)
    case .contentViewed: return nil
    }
  }

  static func notIn(_ c: Complaint, _ what: String) -> Refusal {
    if c.status == .merged, let p = c.mergedInto {
      return Refusal("\(c.id) 已并入 \(p),随主件办理,不能\(what)")
    }
    return Refusal("\(c.id) 当前状态为「\(c.status.title)」,不能\(what)")
  }

  static func fieldRefusal(
    _ text: String, _ field: String, required: Bool, max: Int, multiline: Bool = false
  ) -> Refusal? {
    FieldText.check(text, field: field, required: required, maxLength: max, multiline: multiline)
      .map { Refusal($0.message) }
  }

  static func rejectable(_ c: Complaint) -> Refusal? {
    guard c.status == .awaitingDispatch || (c.status == .handling && c.rounds.count == 1) else {
      return notIn(c, "不予受理")
    }
    if !c.mergedSources.isEmpty {
      return Refusal("已有投诉建议并入 \(c.id)(\(c.mergedSources.joined(separator: "、"))),请先拆分")
    }
    return nil
  }

  static func returnable(_ c: Complaint, on date: CivilDate) -> Refusal? {
    guard c.status == .handling, c.rounds.count == 1 else { return notIn(c, "退回") }
    guard let until = c.returnUntil, c.dispatchedOn != nil else {
      return Refusal("\(c.id) 由本单位自行登记受理,不是区级平台转交的,不能退回")
    }
    // > 超过1个工作日未退回的视为已受理 (第三十三条)
    guard date <= until else {
      return Refusal(
        "\(c.id) 已过退回期限(\(until.iso)),视为已受理,不能退回", article: "第三十三条")
    }
    return nil
  }

  static func mergeable(_ c: Complaint) -> Refusal? {
    if c.status == .merged, let p = c.mergedInto { return Refusal("\(c.id) 已并入 \(p)") }
    guard c.status == .awaitingDispatch || c.status == .handling else {
      return Refusal("\(c.id) \(c.status.title),不能合并", article: "第三十三条")
    }
    if !c.mergedSources.isEmpty {
      return Refusal("已有投诉建议并入 \(c.id),请以 \(c.id) 为主件合并,或先拆分")
    }
    return nil
  }

  static func extendable(_ c: Complaint, on date: CivilDate) -> Refusal? {
    guard c.status == .handling || c.status == .rectifying else { return notIn(c, "申请延期") }
    // > 可申请1次延期,延期处理时长不得超过该类投诉建议限时处理时长 (第三十二条(五))
    if let x = c.extensionRequest {
      return Refusal(
        "\(c.id) 已于 \(x.requestedOn.iso) 申请过延期(\(x.state.title)),每件只能申请1次", article: "第三十二条(五)")
    }
    if let due = c.due, date > due {
      return Refusal("\(c.id) 已超过办结期限(\(due.iso)),不能再申请延期", article: "第三十二条(五)")
    }
    return nil
  }

  static func checkExtension(_ c: Complaint, _ b: ExtensionRequestPayload, on date: CivilDate)
    -> Refusal?
  {
    if let r = extendable(c, on: date) { return r }
    let limit = extensionLimit(c)
    guard b.days >= 1 else { return Refusal("延期天数应至少1个工作日") }
    guard b.days <= limit else {
      return Refusal(
        "延期不得超过该类投诉建议的办理时限(\(c.registration.urgency.title) \(limit)个工作日)",
        article: "第三十二条(五)")
    }
    return fieldRefusal(b.reason, "延期理由", required: true, max: 200)
  }

  static func checkConclusion(_ c: Complaint, _ b: ComplaintConclusionPayload, on date: CivilDate)
    -> Refusal?
  {
    if let primary = b.viaPrimary {
      guard c.status == .merged, c.mergedInto == primary else {
        return Refusal("\(c.id) 没有并入 \(primary),不能随其办结")
      }
    } else if let r = stateRefusal(c, b.kind == .resolved ? .conclude : .invalidate, on: date) {
      return r
    }
    let field = b.kind == .resolved ? "办理结果" : "无效认定依据"
    return fieldRefusal(b.text, field, required: true, max: 1000, multiline: true)
  }

  /// 无法回访 only where there is nobody to call: an anonymous complaint (第三十四条 calls back
  /// by phone or SMS; a named complainant is called back).
  static func checkNoCallback(_ c: Complaint, _ b: NoCallbackPayload, on date: CivilDate)
    -> Refusal?
  {
    if let r = stateRefusal(c, .callBack, on: date) { return r }
    guard c.registration.isAnonymous else {
      return Refusal("\(c.id) 为实名投诉,应当回访", article: "第三十四条")
    }
    return fieldRefusal(b.reason, "无法回访的原因", required: true, max: 200, multiline: true)
  }

  static func checkCallback(_ c: Complaint, _ b: CallbackPayload, on date: CivilDate) -> Refusal? {
    if let r = stateRefusal(c, .callBack, on: date) { return r }
    if b.satisfaction == .unsatisfied {
      guard let days = b.reopenDays, reopenDayRange.contains(days) else {
        return Refusal(
          "投诉人不满意,需重新办理: 请填写整改期限(\(reopenDayRange.lowerBound)至\(reopenDayRange.upperBound)个工作日)")
      }
    }
    return fieldRefusal(b.notes, "回访记录", required: true, max: 500, multiline: true)
  }
}
