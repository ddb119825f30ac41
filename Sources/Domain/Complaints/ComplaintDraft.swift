/// What a clerk enters to register a complaint; the registration (`ComplaintRegistration(_:…)`)
/// adds the limit, the organisations' names and who handles it.
public struct ComplaintDraft: Equatable, Sendable {
  public var channel: ComplaintChannel
  public var type: ComplaintType
  public var urgency: ComplaintUrgency
  public var subject: String
  public var content: String
  public var complainant: String
  public var contact: String
  public var concernedOrg: String
  public var confidentiality: Confidentiality
  /// 上级平台工单号; nil or empty: none.
  public var ticketNumber: String?
  /// Why an anonymous complainant cannot be called back; nil or empty: named.
  public var anonymousReason: String?
  /// 关联案件编号, with or without dashes; nil or empty: none.
  public var relatedCase: String?

  public init(
    channel: ComplaintChannel, type: ComplaintType, urgency: ComplaintUrgency, subject: String,
    content: String, complainant: String, contact: String, concernedOrg: String,
    confidentiality: Confidentiality = .none, ticketNumber: String? = nil,
    anonymousReason: String? = nil, relatedCase: String? = nil
  ) {
    self.relatedCase = relatedCase
    self.ticketNumber = ticketNumber
    self.anonymousReason = anonymousReason
    self.channel = channel
    self.type = type
    self.urgency = urgency
    self.subject = subject
    self.content = content
    self.complainant = complainant
    self.contact = contact
    self.concernedOrg = concernedOrg
    self.confidentiality = confidentiality
  }

  public var isAnonymous: Bool { anonymousReason != nil }

  /// Field checks, by form key: subject, content, complainant, contact.
  public func problems() -> [(field: String, message: String)] {
    var out: [(String, String)] = []
    if let p = FieldText.check(subject, field: "标题", required: true, maxLength: 80) {
      out.append(("subject", p.message))
    }
    if let p = FieldText.check(
      content, field: "内容", required: true, maxLength: 2000, multiline: true)
    {
      out.append(("content", p.message))
    }
    if let reason = anonymousReason,
      let p = FieldText.check(reason, field: "匿名原因", required: true, maxLength: 100)
    {
      out.append(("anonymous", p.message))
    }
    // Anonymous: a name and a phone only when given.
    if !(isAnonymous && complainant.trimmingSpaces().isEmpty),
      let p = FieldText.checkPersonName(complainant, field: "投诉人", maxLength: 30)
    {
      out.append(("complainant", p.message))
    }
    if contact.trimmingSpaces().isEmpty {
      if !isAnonymous { out.append(("contact", "「联系电话」不能为空(匿名投诉请填写匿名原因)")) }
    } else if let p = PhoneNumber.validateContact(contact) {
      out.append(("contact", p.message))
    }
    if let t = ticketNumber,
      let p = FieldText.check(t, field: "上级工单号", required: false, maxLength: 40)
    {
      out.append(("ticket", p.message))
    }
    if concernedOrg.isEmpty { out.append(("org", "请选择涉及单位")) }
    return out
  }
}

extension ComplaintRegistration {
  /// 登记 — the draft as recorded: its text trimmed, an optional field left empty absent, the
  /// limit from the rule table in force, the organisations' names, and who handles it: a
  /// township or department registering what concerns itself handles it at once; what the
  /// district registers, or what concerns another organisation, waits for a dispatcher (as the
  /// form's footer says).
  public init(
    _ d: ComplaintDraft, limitDays: Int, concerned: Organisation, registering own: Organisation,
    relatedCase: String?
  ) {
    self.init(
      channel: d.channel, type: d.type, urgency: d.urgency, limitDays: limitDays,
      subject: d.subject.trimmingSpacesAndNewlines(),
      content: d.content.trimmingSpacesAndNewlines(),
      complainant: d.complainant.trimmingSpaces(), contact: d.contact.trimmingSpaces(),
      concernedOrg: concerned.code, concernedOrgName: concerned.name,
      confidentiality: d.confidentiality, registeringOrg: own.code, registeringOrgName: own.name,
      handledByRegistrant: own.kind != .district && concerned.code == own.code,
      ticketNumber: d.ticketNumber.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 },
      anonymousReason: d.anonymousReason.map { $0.trimmingSpacesAndNewlines() }
        .flatMap { $0.isEmpty ? nil : $0 },
      relatedCase: relatedCase)
  }
}
