import Foundation

/// 事项库文件 — the whole catalog as JSON (`zwfw catalog export` / `import`), documented in
/// `share/zwfw/catalog-format.md`. Enumerations are written in Chinese as a clerk reads them
/// (`"type": "行政许可"`, `"status": "在用"`, `"form": "原件"`), so the file can be checked by eye.
public enum CatalogFile {
  public static let format = "zwfw-catalog"
  public static let formatVersion = 1

  /// One item as written in the file.
  struct ItemDTO: Codable {
    var code, name, type, organisation, legalBasis, conditions: String
    var materials: [MaterialDTO]
    var intermediaries, steps: String
    var legalDays, promisedDays: Int
    var fee, result, place, hours, phone: String
    var fullyOnline: Bool
    var status: String
  }

  struct MaterialDTO: Codable {
    var name, form: String
    var copies: Int
    var required, shared: Bool
    var note: String
  }

  struct FileDTO: Codable {
    var format: String
    var formatVersion: Int
    var district: String
    var exportedAt: String
    var items: [ItemDTO]
  }

  static let itemKeys: Set<String> = Set(CatalogField.allCases.map(\.rawValue))
  static let materialKeys: Set<String> = ["name", "form", "copies", "required", "shared", "note"]

  /// The file for a catalog, items in code order; the same catalog always gives the same bytes.
  public static func encode(_ items: [CatalogItem], district: String, exportedAt: String) -> String
  {
    let dto = FileDTO(
      format: format, formatVersion: formatVersion, district: district, exportedAt: exportedAt,
      items: items.sorted { $0.code < $1.code }.map { i in
        ItemDTO(
          code: i.code, name: i.name, type: i.type.title, organisation: i.organisation,
          legalBasis: i.legalBasis, conditions: i.conditions,
          materials: i.materials.map {
            MaterialDTO(
              name: $0.name, form: $0.form.title, copies: $0.copies, required: $0.required,
              shared: $0.shared, note: $0.note)
          }, intermediaries: i.intermediaries, steps: i.steps, legalDays: i.legalDays,
          promisedDays: i.promisedDays, fee: i.fee, result: i.result, place: i.place,
          hours: i.hours, phone: i.phone, fullyOnline: i.isFullyOnline, status: i.status.title)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(dto) else {
      preconditionFailure("catalog file not encodable")
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a file into items (version 0: not yet in effect here). Refuses with the first
  /// offending item and field, checking every element as a change would (`problems`).
  public static func decode(_ data: Data, organisations: Set<String>) -> Result<
    [CatalogItem], Refusal
  > {
    guard let root = JSONValue.parse(data)?.object else {
      return .failure(Refusal("文件不是有效的 JSON(应为一个对象,见 share/zwfw/catalog-format.md)"))
    }
    guard root["format"]?.string == format else {
      return .failure(Refusal("不是 zwfw 事项库文件: \"format\" 应为 \"\(format)\""))
    }
    guard root["formatVersion"]?.int == formatVersion else {
      return .failure(Refusal("不支持的事项库文件版本,本程序读取 formatVersion \(formatVersion)"))
    }
    guard let rawItems = root["items"]?.array else {
      return .failure(Refusal("文件缺少事项列表 \"items\""))
    }
    guard !rawItems.isEmpty else { return .failure(Refusal("文件中没有任何事项")) }
    var items: [CatalogItem] = []
    var firstIndex: [String: Int] = [:]
    for (i, raw) in rawItems.enumerated() {
      let reader = FieldReader(index: i + 1, object: raw.object)
      do {
        let item = try reader.item().trimmed
        if let p = item.problems(organisations: organisations).first {
          throw reader.problem(p.field, p.message, code: item.code)
        }
        if let earlier = firstIndex[item.code] {
          throw reader.problem(.code, "与第\(earlier)项重复", code: item.code)
        }
        firstIndex[item.code] = i + 1
        items.append(item)
      } catch let r as Refusal {
        return .failure(r)
      } catch {
        return .failure(Refusal("第\(i + 1)项无法读取"))
      }
    }
    return .success(items)
  }
}

extension Action {
  /// 导入事项库 (`zwfw catalog import`) — district administrators and catalog managers.
  public static let importCatalog = Action("catalog.import", "导入事项库", roles: [.admin, .catalog])
  /// 导出事项库 (`zwfw catalog export`).
  public static let exportCatalog = Action("catalog.export", "导出事项库", roles: [.admin, .catalog])
}
