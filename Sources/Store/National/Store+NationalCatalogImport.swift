import Domain
import Foundation

extension Store {
  /// 导入国家标准格式的实施清单 — `items.csv` + `materials.csv` (table 4, our export's header
  /// rows), read into items and then imported exactly as a JSON catalog file is
  /// (`importCatalog`: one transaction, the same checks, the same review path). Organisations
  /// are matched by 统一社会信用代码; a missing one is created with `createOrganisations`.
  @discardableResult
  public func importNationalCatalog(
    items: Data, itemsName: String, materials: Data, materialsName: String,
    createOrganisations: Bool = false, by staff: Staff, progress: ProgressReporter? = nil
  ) throws -> CatalogImportSummary {
    let itemRows = try NationalCSV.parse(items, file: itemsName).get()
    let materialRows = try NationalCSV.parse(materials, file: materialsName).get()
    let known = try organisationRecords()
    let reading = try NationalCatalogFile.read(
      items: itemRows, materials: materialRows, organisations: known
    ).get()
    let file = CatalogFile.encode(
      reading.items, organisations: known + reading.newOrganisations, district: node.district,
      exportedAt: zone.format(now))
    return try importCatalog(
      Data(file.utf8), source: itemsName, createOrganisations: createOrganisations, by: staff,
      progress: progress)
  }
}
