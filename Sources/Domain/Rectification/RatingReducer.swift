import Foundation

/// Payload of `rating.recorded`.
public struct RatingRecorded: EventPayload {
  public var id: String
  /// Normalised, with `ratedOn` filled in.
  public var rating: RatingInput
}

/// Payload of `rating.rectificationOpened` and `rating.invalidated`.
public struct RatingRectificationLink: EventPayload {
  public var rectificationID: String
}

/// 评价记录 — one rating as it stands.
public struct RatingRecord: Codable, Equatable, Sendable {
  public var id: String
  public var rating: RatingInput
  public var ratedOn: CivilDate
  /// When and by whom it was recorded (milliseconds since 1970, login).
  public var recordedAt: Int64
  public var recordedBy: String
  /// The rectification case a bad rating opened.
  public var rectificationID: String?
  /// 无效差评 — excluded from satisfaction figures once a supervisor's 复核 accepted the claim.
  public var invalid: Bool = false
}

/// 好差评 stream `rating/ID`.
public enum RatingReducer: RecordReducer {
  public typealias State = RatingRecord
  public static let streamKind = "rating"

  public static let noun = "评价"

  public static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
  {
    switch event.type {
    case .ratingRecorded:
      guard state == nil else { throw Refusal("评价已记录,不能重复记录") }
      let r = try event.decode(RatingRecorded.self)
      return RatingRecord(
        id: r.id, rating: r.rating, ratedOn: r.rating.ratedOn ?? context.zone.civilDate(event.date),
        recordedAt: event.timestamp, recordedBy: event.actor)
    case .ratingRectificationOpened:
      var s = try existing(state)
      let link = try event.decode(RatingRectificationLink.self)
      if let r = canOpenRectification(s) { throw r }
      s.rectificationID = link.rectificationID
      return s
    case .ratingInvalidated:
      var s = try existing(state)
      let link = try event.decode(RatingRectificationLink.self)
      guard s.rating.level.isBad, s.rectificationID == link.rectificationID else {
        throw Refusal("只有经整改案件复核的差评才能标记为无效差评", article: "第三十七条")
      }
      guard !s.invalid else { throw Refusal("该差评已标记为无效差评") }
      s.invalid = true
      return s
    default:
      return nil
    }
  }

  /// Why this rating cannot open a rectification case, or nil: only a bad rating opens one, and
  /// only once.
  public static func canOpenRectification(_ s: RatingRecord) -> Refusal? {
    guard s.rating.level.isBad else {
      return Refusal("「\(s.rating.level.title)」不是差评,不生成整改案件", article: "第三十七条")
    }
    if let existing = s.rectificationID {
      return Refusal("评价 \(s.id) 已生成整改案件 \(existing),不能重复生成")
    }
    return nil
  }

  /// The events that record a new rating: `rating.recorded`, and for a bad one the link to its
  /// rectification case (`caseID` is asked for only then, so no case number is spent otherwise).
  public static func record(
    id: String, _ input: RatingInput, today: CivilDate, caseID: () throws -> String
  ) throws -> (drafts: [EventDraft], rectificationID: String?) {
    let rating = input.normalized(today: today)
    if let r = rating.check(today: today) { throw r }
    let stream = Self.stream(id)
    var drafts = [
      EventDraft(
        stream: stream, type: .ratingRecorded, body: RatingRecorded(id: id, rating: rating))
    ]
    guard rating.level.isBad else { return (drafts, nil) }
    let fresh = RatingRecord(
      id: id, rating: rating, ratedOn: rating.ratedOn ?? today, recordedAt: 0, recordedBy: "")
    let caseID = try caseID()
    drafts += try openRectification(fresh, caseID: caseID).get()
    return (drafts, caseID)
  }

  /// 生成整改案件 — the events that open the rectification case of a bad rating, refused for a
  /// rating that is not bad or already has its case.
  public static func openRectification(_ s: RatingRecord, caseID: String) -> Result<
    [EventDraft], Refusal
  > {
    if let r = canOpenRectification(s) { return .failure(r) }
    return .success([
      EventDraft(
        stream: stream(s.id), type: .ratingRectificationOpened,
        body: RatingRectificationLink(rectificationID: caseID)),
      EventDraft(
        stream: RectificationMachine.stream(caseID), type: .rectificationOpened,
        body: RectificationOpened(ratingID: s.id, rating: s.rating)),
    ])
  }
}
