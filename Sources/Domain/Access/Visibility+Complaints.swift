/// A complaint as one operator may read it: masked once, here, for every path that shows it.
public struct VisibleComplaint: Equatable, Sendable {
  /// The case with what the operator may not read emptied (`content` says how much remains).
  public var complaint: Complaint
  public var content: Visibility.Content
}

extension Visibility {
  /// Whether the operator works complaints at all (the 投诉建议 desk): those who take, handle or
  /// supervise them.
  public var worksComplaints: Bool {
    staff.has(.counter) || staff.has(.handler) || staff.has(.supervisor)
  }

  /// How much of `c` the operator reads (`revealed`: the journal holds their recorded view).
  public func content(of c: Complaint, revealed: Bool = false) -> Content {
    content(confidential: c.isConfidential, handlingOrg: c.handlingOrg, revealed: revealed)
  }

  /// `c` with what the operator may not read emptied: a hidden case keeps its number, badges,
  /// organisations and status; a case awaiting its reveal keeps its subject and its history;
  /// contact numbers stay whole only for the handling organisation and the supervisors.
  public func masked(_ c: Complaint, revealed: Bool = false) -> VisibleComplaint {
    let level = content(of: c, revealed: revealed)
    var k = c
    switch level {
    case .hidden:
      k.registration.subject = ""
      Self.emptyContent(&k)
      k.returns = k.returns.map {
        var r = $0
        r.reason = ""
        return r
      }
      k.rejection?.note = ""
      k.extensionRequest?.reason = ""
      k.extensionRequest?.note = nil
      k.rounds = k.rounds.map { round in
        var r = round
        r.conclusion?.text = ""
        r.callback?.notes = ""
        return r
      }
    case .onReveal:
      Self.emptyContent(&k)
    case .full:
      if !wholeContact(handlingOrg: c.handlingOrg) {
        k.registration.contact = PhoneNumber.mask(c.registration.contact)
      }
    }
    return VisibleComplaint(complaint: k, content: level)
  }

  private static func emptyContent(_ k: inout Complaint) {
    k.registration.content = ""
    k.registration.complainant = ""
    k.registration.contact = ""
  }
}

extension Complaint {
  /// Whether `staff` may read the content of this case at all (see `Visibility`).
  public func contentVisible(to staff: Staff) -> Bool {
    Visibility(staff).content(of: self) != .hidden
  }
}
