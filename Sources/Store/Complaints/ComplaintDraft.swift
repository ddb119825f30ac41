import Domain

/// What a clerk enters to register a complaint; the store adds the limit, the organisations'
/// names and who handles it.
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
}
