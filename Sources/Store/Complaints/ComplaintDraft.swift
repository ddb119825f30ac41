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

  public init(
    channel: ComplaintChannel, type: ComplaintType, urgency: ComplaintUrgency, subject: String,
    content: String, complainant: String, contact: String, concernedOrg: String,
    confidentiality: Confidentiality = .none
  ) {
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
