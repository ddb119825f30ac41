/// A value shown by its Chinese title (`CallbackMethod.phone.title` = 电话): what a choice field
/// offers, a CSV column holds and a file or a form is read back from.
public protocol Titled: CaseIterable, Sendable {
  var title: String { get }
}

extension Titled {
  /// The value whose title is `title`; nil for any other text.
  public init?(title: String) {
    guard let value = Self.allCases.first(where: { $0.title == title }) else { return nil }
    self = value
  }
}

// The terms the forms offer as choices (`FormField.choice`).
extension ComplaintChannel: Titled {}
extension ComplaintType: Titled {}
extension ComplaintUrgency: Titled {}
extension Confidentiality: Titled {}
extension CallbackMethod: Titled {}
extension Satisfaction: Titled {}
extension SupervisionMethod: Titled {}
extension SpotCheckVerdict: Titled {}
extension NoteKind: Titled {}
extension ContactMethod: Titled {}
extension ReviewerResponse: Titled {}
