import Foundation

/// `national` in a catalog file (format 2): the GB/T 39046 elements of an item, code-table values
/// written by their names as a clerk reads them (`"matterType": "行政处罚"`, `"serviceTargets":
/// ["自然人"]`).
extension CatalogFile {
  struct NationalDTO: Codable {
    var basicCode, implementationCode: String
    var matterType, exerciseLevel, implementerNature, scope: String?
    var serviceTargets, handlingForms: [String]
    var charged: Bool
    var feeBasis, quantityLimit, jointDepartments, consultation, supervisionPhone: String
    var appointment, onlinePayment, express: Bool
    var onlineAddress, faq: String

    init(_ n: NationalElements) {
      basicCode = n.basicCode
      implementationCode = n.implementationCode
      matterType = n.matterType?.name
      exerciseLevel = n.exerciseLevel?.name
      implementerNature = n.implementerNature?.name
      scope = n.scope?.name
      serviceTargets = n.serviceTargets.map(\.name)
      handlingForms = n.handlingForms.map(\.name)
      charged = n.charged
      feeBasis = n.feeBasis
      quantityLimit = n.quantityLimit
      jointDepartments = n.jointDepartments
      consultation = n.consultation
      supervisionPhone = n.supervisionPhone
      appointment = n.appointment
      onlinePayment = n.onlinePayment
      express = n.express
      onlineAddress = n.onlineAddress
      faq = n.faq
    }
  }

  static let nationalKeys: Set<String> = [
    "basicCode", "implementationCode", "matterType", "exerciseLevel", "implementerNature", "scope",
    "serviceTargets", "handlingForms", "charged", "feeBasis", "quantityLimit", "jointDepartments",
    "consultation", "supervisionPhone", "appointment", "onlinePayment", "express",
    "onlineAddress", "faq",
  ]
}

extension CatalogFile.FieldReader {
  /// The item's `national` object; nil when the item has none. Every key may be left out (an
  /// empty text, no, none).
  func national() throws -> NationalElements? {
    guard let raw = object?["national"], raw != .null else { return nil }
    guard let o = raw.object else { throw problem(.national, "应为 JSON 对象") }
    for key in o.keys.sorted() where !CatalogFile.nationalKeys.contains(key) {
      throw problem(.national, "有未知字段 \"\(FieldText.sanitizeForDisplay(key))\"")
    }
    func text(_ key: String) throws -> String {
      guard let v = o[key], v != .null else { return "" }
      guard let s = v.string else { throw problem(.national, "\"\(key)\" 应为文本") }
      return s
    }
    func flag(_ key: String) throws -> Bool {
      guard let v = o[key], v != .null else { return false }
      guard let b = v.bool else { throw problem(.national, "\"\(key)\" 应为 true 或 false") }
      return b
    }
    func coded<T: NationalCodeTable>(_ key: String, _: T.Type) throws -> T? {
      let name = try text(key)
      guard !name.isEmpty else { return nil }
      guard let value = T.named(name) else {
        throw problem(
          .national,
          "\"\(key)\" 应为 " + T.allCases.map(\.name).joined(separator: "、") + " 之一")
      }
      return value
    }
    func list<T: NationalCodeTable>(_ key: String, _: T.Type) throws -> [T] {
      guard let v = o[key], v != .null else { return [] }
      guard let items = v.array else { throw problem(.national, "\"\(key)\" 应为列表") }
      return try items.map { item in
        guard let name = item.string, let value = T.named(name) else {
          throw problem(
            .national,
            "\"\(key)\" 的每一项应为 " + T.allCases.map(\.name).joined(separator: "、") + " 之一")
        }
        return value
      }
    }
    return NationalElements(
      basicCode: try text("basicCode"), implementationCode: try text("implementationCode"),
      matterType: try coded("matterType", MatterType.self),
      exerciseLevel: try coded("exerciseLevel", ExerciseLevel.self),
      implementerNature: try coded("implementerNature", ImplementerNature.self),
      serviceTargets: try list("serviceTargets", ServiceTarget.self),
      handlingForms: try list("handlingForms", HandlingForm.self),
      scope: try coded("scope", CrossRegionScope.self), charged: try flag("charged"),
      feeBasis: try text("feeBasis"), quantityLimit: try text("quantityLimit"),
      jointDepartments: try text("jointDepartments"), consultation: try text("consultation"),
      supervisionPhone: try text("supervisionPhone"), appointment: try flag("appointment"),
      onlinePayment: try flag("onlinePayment"), express: try flag("express"),
      onlineAddress: try text("onlineAddress"), faq: try text("faq"))
  }
}
