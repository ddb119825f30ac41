import Domain
import Foundation
import Store

/// What the 差评整改 pane may ask of the database: narrow, so render and key tests can run on a
/// temporary store (or a fake) without the rest of the program.
public protocol RectificationService: CaseWorkService, CaseStepService {
  /// Counts and pages of the cases `staff` may list (`Visibility`).
  func rectificationCounts(for staff: Staff) throws -> [RectificationPhase: Int]
  func rectifications(phase: RectificationPhase?, for staff: Staff, offset: Int, limit: Int)
    throws -> [RectificationSummary]
  /// 我的: assigned to `staff`, and for a supervisor what waits for them.
  func myRectifications(for staff: Staff, offset: Int, limit: Int) throws
    -> [RectificationSummary]
  func myRectificationCount(for staff: Staff) throws -> Int
  func rectification(_ id: String, for staff: Staff) throws -> Rectification?
  func rectificationTimeline(_ state: Rectification) throws -> [Event]
  func rating(_ id: String) throws -> RatingRecord?
  func registerRating(_ rating: RatingInput, by staff: Staff) throws -> (
    ratingID: String, rectificationID: String?
  )
  func satisfaction(_ period: StatisticsPeriod, for staff: Staff) throws
    -> [OrganisationSatisfaction]
  func exportSatisfaction(_ period: StatisticsPeriod, for staff: Staff, to path: String) throws
    -> Int
  /// The same by service item, worst first (第三十五条).
  func satisfactionByItem(_ period: StatisticsPeriod, for staff: Staff) throws
    -> [ItemSatisfaction]
  func exportSatisfactionByItem(_ period: StatisticsPeriod, for staff: Staff, to path: String)
    throws -> Int
  func organisations() throws -> [Organisation]
  func staffNames() throws -> [String: String]
}

extension Store: RectificationService {}
