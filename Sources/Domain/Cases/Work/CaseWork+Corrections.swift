/// 更正 on each kind of case: which registration fields, and each checked as at registration.
extension ComplaintMachine {
  public static var correctableFields: [CorrectableField] {
    [
      CorrectableField("complainant", "投诉人", .text(max: 30)),
      CorrectableField("contact", "联系电话", .text(max: 40)),
      CorrectableField("subject", "标题", .text(max: 80)),
      CorrectableField("content", "内容", .area(max: 2000)),
      .choice("urgency", "紧急程度", ComplaintUrgency.self) { $0.title },
      .choice("type", "类型", ComplaintType.self) { $0.title },
      CorrectableField("concernedOrg", "涉及单位", .organisation),
    ]
  }

  public static func value(_ c: Complaint, of field: String) -> String? {
    let r = c.registration
    switch field {
    case "complainant": return r.complainant
    case "contact": return r.contact
    case "subject": return r.subject
    case "content": return r.content
    case "urgency": return r.urgency.rawValue
    case "type": return r.type.rawValue
    case "concernedOrg": return r.concernedOrg
    default: return nil
    }
  }

  public static func correct(
    _ c: inout Complaint, _ p: CaseCorrectionPayload, on date: CivilDate, calendar: WorkCalendar
  ) -> Refusal? {
    var r = c.registration
    var problemKey = p.field
    switch p.field {
    case "complainant": r.complainant = p.new
    case "contact": r.contact = p.new
    case "subject": r.subject = p.new
    case "content": r.content = p.new
    case "type":
      guard let t = ComplaintType(rawValue: p.new) else { return Refusal("类型「\(p.new)」无效") }
      r.type = t
    case "concernedOrg":
      r.concernedOrg = p.new
      r.concernedOrgName = p.name ?? p.new
      problemKey = "org"
    case "urgency":
      guard let u = ComplaintUrgency(rawValue: p.new) else {
        return Refusal("紧急程度「\(p.new)」无效")
      }
      guard c.status.isOpen else { return Refusal("\(c.id) 已\(c.status.title),不能更正紧急程度") }
      r.urgency = u
      if let days = p.limitDays { relimit(&c, days: days, calendar) }
      r.limitDays = p.limitDays ?? r.limitDays
    default: return Refusal("「\(p.field)」不能更正")
    }
    if let problem = r.problems().first(where: { $0.field == problemKey }) {
      return Refusal(problem.message)
    }
    c.registration = r
    return nil
  }

  /// The first round's limit follows the urgency (第三十二条): its deadline is counted again from
  /// its start, with an approved extension still added. A later round's limit was set at the
  /// callback that opened it and stays.
  static func relimit(_ c: inout Complaint, days: Int, _ calendar: WorkCalendar) {
    guard c.rounds.count == 1, var round = c.rounds.popLast() else { return }
    round.limitDays = days
    round.due = roundDue(from: round.startedOn, days: days, calendar)
    if round.extendedDays > 0 { round.due = extended(round.due, by: round.extendedDays, calendar) }
    c.rounds.append(round)
  }

  public static func correctedLimit(
    _ c: Complaint, field: String, value: String, _ context: CaseContext
  ) throws -> Int? {
    guard field == "urgency", let u = ComplaintUrgency(rawValue: value) else { return nil }
    return try context.lookup.ruleTable().limit(for: u)
  }

  public static func runningDue(_ c: Complaint, _ calendar: WorkCalendar) -> CivilDate? { c.due }
}

extension ApplicationMachine {
  public static var correctableFields: [CorrectableField] {
    [
      CorrectableField("name", "申请人", .text(max: 60)),
      CorrectableField("idNumber", "证件号码", .text(max: 30)),
      CorrectableField("phone", "联系电话", .text(max: 40)),
      CorrectableField("note", "备注", .area(max: 200)),
    ]
  }

  public static func value(_ a: Application, of field: String) -> String? {
    switch field {
    case "name": return a.applicant.name
    case "idNumber": return a.applicant.idNumber
    case "phone": return a.applicant.phone
    case "note": return a.note
    default: return nil
    }
  }

  /// An ID number is checked again, as at registration (check digit, region, birth date).
  public static func correct(
    _ a: inout Application, _ p: CaseCorrectionPayload, on date: CivilDate, calendar: WorkCalendar
  ) -> Refusal? {
    if p.field == "note" {
      if let r = FieldText.check(
        p.new, field: "备注", required: false, maxLength: 200, multiline: true)
      {
        return Refusal(r.message)
      }
      a.note = p.new
      return nil
    }
    var ap = a.applicant
    switch p.field {
    case "name": ap.name = p.new
    case "idNumber": ap.idNumber = p.new
    case "phone": ap.phone = p.new
    default: return Refusal("「\(p.field)」不能更正")
    }
    if let problem = ap.problems(today: date).first(where: { $0.field.rawValue == p.field }) {
      return Refusal(problem.message)
    }
    a.applicant = ap.normalized
    return nil
  }
}

extension RectificationMachine {
  public static var correctableFields: [CorrectableField] {
    [
      CorrectableField("reviewerName", "评价人", .text(max: 30)),
      CorrectableField("reviewerPhone", "联系电话", .text(max: 40)),
    ]
  }

  public static func value(_ s: Rectification, of field: String) -> String? {
    switch field {
    case "reviewerName": return s.rating.reviewerName ?? ""
    case "reviewerPhone": return s.rating.reviewerPhone ?? ""
    default: return nil
    }
  }

  /// Only a real-name review has a reviewer to correct (an anonymous one has no contact).
  public static func correctionRefusal(_ s: Rectification) -> Refusal? {
    s.rating.realName ? nil : Refusal("匿名评价没有评价人信息,无需更正")
  }

  public static func correct(
    _ s: inout Rectification, _ p: CaseCorrectionPayload, on date: CivilDate,
    calendar: WorkCalendar
  ) -> Refusal? {
    guard s.rating.realName else { return Refusal("匿名评价没有评价人信息,无需更正") }
    switch p.field {
    case "reviewerName":
      if let r = FieldText.checkPersonName(p.new, field: "评价人", maxLength: 30) {
        return Refusal(r.message)
      }
      s.rating.reviewerName = p.new
    case "reviewerPhone":
      if let r = PhoneNumber.validateContact(p.new) { return Refusal(r.message) }
      s.rating.reviewerPhone = p.new
    default: return Refusal("「\(p.field)」不能更正")
    }
    return nil
  }
}
