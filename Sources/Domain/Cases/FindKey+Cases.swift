/// The keys each kind of case is found by (`FindKey`): one place per kind, read by its
/// projector, so what F7 finds is what the case says now (a correction moves its keys).
extension ApplicationMachine {
  public static func findKeys(_ a: Application) -> [String] {
    // The platform's 办件编号 of an application it handed over is its upstream ticket.
    FindKey.number(a.caseID)
      + FindKey.person(
        name: a.applicant.name, phone: a.applicant.phone, idNumber: a.applicant.idNumber)
      + FindKey.ticket(a.platform?.number) + linkKeys(a)
  }
}

extension ComplaintMachine {
  public static func findKeys(_ k: Complaint) -> [String] {
    let r = k.registration
    return FindKey.number(k.id)
      + FindKey.person(name: r.complainant, phone: r.contact, idNumber: nil)
      + FindKey.ticket(r.ticketNumber) + linkKeys(k)
  }
}

extension RectificationMachine {
  /// A real-name review names its reviewer; an anonymous one is found by its number only.
  public static func findKeys(_ s: Rectification) -> [String] {
    let r = s.rating
    // The application rated is its related case, shown from both ends.
    let own = FindKey.number(s.id) + linkKeys(s)
    guard r.realName else { return own }
    return own + FindKey.person(name: r.reviewerName, phone: r.reviewerPhone, idNumber: nil)
  }
}
