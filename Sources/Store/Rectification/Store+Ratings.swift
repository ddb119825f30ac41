import Domain

extension Store {
  /// 记录评价 — records a rating inside the caller's write transaction; a bad one (不满意,
  /// 非常不满意) opens its rectification case for the organisation that served, in the same
  /// transaction and exactly once.
  ///
  /// The counter calls this from its own conclusion transaction; ratings from other channels come
  /// through `registerRating(_:by:)`. Refusals (bad input, an unknown organisation, a second
  /// rating of the same application) are thrown and roll the whole transaction back.
  @discardableResult
  public func recordRating(_ rating: RatingInput, tx: WriteContext) throws -> (
    ratingID: String, rectificationID: String?
  ) {
    let input = rating.normalized(today: tx.today)
    if let r = input.check(today: tx.today) { throw r }
    guard try organisationName(input.organisation) != nil else {
      throw Refusal("服务单位「\(FieldText.sanitizeForDisplay(input.organisation))」不存在")
    }
    if let service = input.serviceCaseID,
      let existing = try db.value(
        "id", of: "rating", as: String.self, "SELECT id FROM rating WHERE service_case = ?",
        [service])
    {
      throw Refusal("办件 \(service) 已评价(评价编号 \(existing)),一事一评")
    }
    let number = try tx.nextNumber(series: "PJ")
    let digits = String(number)
    let id =
      "\(node.code)PJ-\(tx.today.year)-" + String(repeating: "0", count: max(0, 6 - digits.count))
      + digits
    let (drafts, caseID) = try RatingReducer.record(id: id, input, today: tx.today) {
      try tx.nextCaseID()
    }
    try tx.append(drafts)
    return (id, caseID)
  }

  /// 登记评价 — a rating from 网上, 掌上, 自助终端, 短信, 电话 (or a counter's paper form),
  /// registered by hand.
  @discardableResult
  public func registerRating(_ rating: RatingInput, by staff: Staff) throws -> (
    ratingID: String, rectificationID: String?
  ) {
    try write(as: staff, .registerRating, subject: "rating") { tx in
      try recordRating(rating, tx: tx)
    }
  }

  /// Opens the rectification case of an already recorded bad rating; refused when it has one
  /// (the rule `recordRating` relies on, kept callable for sync repairs and tests).
  func openRectification(forRating id: String, tx: WriteContext) throws -> String {
    guard let rating = try self.rating(id) else { throw Refusal("评价 \(id) 不存在") }
    if let r = RatingReducer.canOpenRectification(rating) { throw r }
    let caseID = try tx.nextCaseID()
    try tx.append(try RatingReducer.openRectification(rating, caseID: caseID).get())
    return caseID
  }

  /// A rating as its events leave it.
  public func rating(_ id: String) throws -> RatingRecord? {
    RatingReducer.fold(try events(stream: RatingReducer.stream(id)), foldContext).state
  }
}
