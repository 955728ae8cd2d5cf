package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civicequity.core.Observation;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading local tables: encodings, header and footnote rows, cell clean-up, maps, units, Excel. */
class ConverterFeaturesTest {
  @TempDir
  Path dir;

  private Mapping mapping(String json) throws Exception {
    Path m = dir.resolve("mapping-" + Math.abs(json.hashCode()) + ".json");
    Files.writeString(m, json);
    return Mapping.load(m);
  }

  private static final String LONG = """
      {"layout": "long",
       "fields": {"indicator": {"constant": "poverty-rate"}, "geoId": "tract", "geoName": "name",
                  "period": {"constant": "2019"}, "raceEthnicity": {"column": "group", "map": "race"},
                  "value": "rate", "moe": "moe"},
       "geography": {"level": "tract"},
       "valueMaps": {"race": {"All": null, "Black/African American": "black-alone", "White": "white-alone-nh"}},
       "markers": {"suppressed": ["-999", "**"]},
       "indicators": [{"id": "poverty-rate", "name": "Poverty rate", "unit": "percent", "polarity": "lower-is-better", "domain": "economy"}]
       %s}
      """;

  @Test
  void windows1252NeedsItsEncodingAndSaysSo() throws Exception {
    Path csv = dir.resolve("win.csv");
    Files.write(csv, ("tract,name,group,rate,moe\n24510260605,Pe\u00f1a Park,All,12.5,1.1\n")
        .getBytes(Charset.forName("windows-1252")));
    assertThatThrownBy(() -> Converter.convert(csv, mapping(LONG.formatted(""))))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("win.csv:2").hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("\"encoding\": \"windows-1252\"");
    Conversion c = Converter.convert(csv, mapping(LONG.formatted(", \"input\": {\"encoding\": \"windows-1252\"}")));
    assertThat(c.observations().get(0).geoName()).isEqualTo("Pe\u00f1a Park");
  }

  @Test
  void bomHeaderRowsFootnotesBlankRowsAndCellCleanUp() throws Exception {
    Path csv = dir.resolve("report.csv");
    String text = "\uFEFFPoverty by tract, 2019\n"
        + "Prepared by the planning department\n"
        + "tract,name,group,rate,moe\n"
        + "(code),(label),(group),(percent),(points)\n"
        + "=\"24510260605\",Tract 2606.05,All,\"1,012.5\",1.1\n"
        + "\n"
        + "1001020100,Autauga tract,Black/African American,-999,**\n"
        + "24510260605,Tract 2606.05,White,4.5,(X)\n"
        + "\n"
        + "Source: ACS 2015-2019, table S1701\n"
        + "Note: rates are percentages\n";
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    Conversion c = Converter.convert(csv, mapping(LONG.formatted(
        ", \"input\": {\"headerRow\": 3, \"skipRowsAfterHeader\": 1, \"footerPattern\": \"^(Source|Note):\"}")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).hasSize(3);
    Observation a = c.observations().get(0);
    assertThat(a.geoId()).isEqualTo("24510260605");
    assertThat(a.value()).isEqualTo(1012.5);
    assertThat(a.raceEthnicity()).isNull();
    assertThat(a.location().row()).isEqualTo(1);
    assertThat(a.location().line()).isEqualTo(5);
    Observation b = c.observations().get(1);
    assertThat(b.geoId()).as("a lost leading zero is restored for the tract level").isEqualTo("01001020100");
    assertThat(b.raceEthnicity()).isEqualTo("black-alone");
    assertThat(b.status()).isEqualTo("suppressed");
    assertThat(b.value()).isNull();
    assertThat(b.location().line()).isEqualTo(7);
    Observation w = c.observations().get(2);
    assertThat(w.raceEthnicity()).isEqualTo("white-alone-nh");
    assertThat(w.value()).isEqualTo(4.5);
    assertThat(w.moe()).isNull();
    assertThat(w.note()).contains("no margin of error").contains("(X)");
  }

  @Test
  void unitChangeFromProportionToPercent() throws Exception {
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "tract,name,group,rate,moe\n24510260605,T,All,0.256,0.0125\n");
    Conversion c = Converter.convert(csv, mapping(LONG.replace("\"unit\": \"percent\"",
        "\"unit\": \"percent\", \"sourceUnit\": \"proportion\"").formatted("")));
    assertThat(c.observations().get(0).value()).isEqualTo(25.6);
    assertThat(c.observations().get(0).moe()).isEqualTo(1.25);
    assertThat(c.indicators().get(0).methodology()).contains("Converted from proportion to percent");
  }

  @Test
  void excelWorkbookByNamedSheetWithFormulaCells() throws Exception {
    Path xlsx = dir.resolve("book.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("read me");
      Sheet s = wb.createSheet("Data");
      String[] header = {"tract", "name", "group", "rate", "moe"};
      Row h = s.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      Row r = s.createRow(1);
      r.createCell(0).setCellFormula("\"24510\"&\"260605\"");
      r.createCell(1).setCellValue("Tract 2606.05");
      r.createCell(2).setCellValue("All");
      r.createCell(3).setCellValue(12.25);
      r.createCell(4).setCellFormula("0.5*2");
      Row r2 = s.createRow(3);
      r2.createCell(0).setCellValue(1001020100d);
      r2.createCell(1).setCellValue("Autauga");
      r2.createCell(2).setCellValue("White");
      r2.createCell(3).setCellValue(7);
      r2.createCell(4).setCellValue(0.75);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.write(out);
    }
    Conversion c = Converter.convert(xlsx, mapping(LONG.formatted(", \"input\": {\"sheet\": \"Data\"}")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).extracting(Observation::geoId).containsExactly("24510260605", "01001020100");
    assertThat(c.observations().get(0).moe()).isEqualTo(1.0);
    assertThat(c.observations().get(1).location().line()).isEqualTo(4);
    assertThat(c.observations().get(1).location().file()).isEqualTo("book.xlsx");
    assertThatThrownBy(() -> Converter.convert(xlsx, mapping(LONG.formatted(", \"input\": {\"sheet\": \"Daten\"}"))))
        .hasMessageContaining("no sheet 'Daten'").hasMessageContaining("Notes, Data");
  }

  @Test
  void excelPercentCellsAndFormulasWithoutSavedResultsAreReadAsExcelShowsThem() throws Exception {
    Path xlsx = dir.resolve("script-written.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet s = wb.createSheet("Data");
      String[] header = {"tract", "name", "group", "rate", "moe"};
      Row h = s.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      org.apache.poi.ss.usermodel.CellStyle pct = wb.createCellStyle();
      pct.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
      Row r = s.createRow(1);
      r.createCell(0).setCellValue(24510260605d);
      r.createCell(1).setCellValue("Tract 2606.05");
      r.createCell(2).setCellValue("All");
      r.createCell(3).setCellValue(0.07); // shown as 7.0%
      r.getCell(3).setCellStyle(pct);
      r.createCell(4).setCellValue(0.011);
      r.getCell(4).setCellStyle(pct);
      Row r2 = s.createRow(2);
      r2.createCell(0).setCellValue("24510260700");
      r2.createCell(1).setCellValue("Tract 2607");
      r2.createCell(2).setCellValue("White");
      r2.createCell(3).setCellFormula("10+2.5"); // no saved result: a script wrote the workbook
      r2.createCell(4).setCellFormula("1/0");
      Row r3 = s.createRow(3);
      r3.createCell(0).setCellValue("24510260800");
      r3.createCell(1).setCellValue("Tract 2608");
      r3.createCell(2).setCellValue("All");
      r3.createCell(3).setCellFormula("[2]Other!A1"); // cannot be evaluated here
      r3.createCell(4).setCellValue(1);
      wb.write(out); // formulas are not evaluated before saving
    }
    Conversion c = Converter.convert(xlsx, mapping(LONG.formatted("")));
    assertThat(c.observations()).hasSize(3);
    assertThat(c.observations().get(0).value()).isEqualTo(7.0);
    assertThat(c.observations().get(0).moe()).isEqualTo(1.1);
    assertThat(c.observations().get(1).value()).isEqualTo(12.5);
    assertThat(c.observations().get(1).moe()).isNull();
    assertThat(c.observations().get(2).value()).isNull();
    assertThat(c.problems()).extracting(ConversionProblem::code, p -> p.location().line(), ConversionProblem::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("NOT_A_NUMBER", 3L, "#DIV/0!"),
            org.assertj.core.groups.Tuple.tuple("NOT_A_NUMBER", 4L, "=[2]Other!A1"));
  }

  @Test
  void validationFindingsPointAtTheUsersColumns() throws Exception {
    Path csv = dir.resolve("groups.csv");
    Files.writeString(csv, "tract,name,group,rate,moe\n24510260605,T,All,12,1\n24510260605,T,Blak,130,-2\n");
    Conversion c = Converter.convert(csv, mapping(LONG.formatted("")));
    ValidationReport r = SourceFolder.validate(c, ValidatorOptions.defaults());
    assertThat(r.valid()).isFalse();
    assertThat(r.findings()).anySatisfy(g -> {
      assertThat(g.code()).isEqualTo("UNKNOWN_CODE");
      assertThat(g.examples().get(0).location().file()).isEqualTo("groups.csv");
      assertThat(g.examples().get(0).location().row()).isEqualTo(2);
      assertThat(g.examples().get(0).location().line()).isEqualTo(3);
      assertThat(g.examples().get(0).location().column()).isEqualTo("group");
      assertThat(g.examples().get(0).location().pointer()).isNull();
    });
    assertThat(r.findings()).anySatisfy(g -> {
      assertThat(g.code()).isEqualTo("VALUE_OUT_OF_RANGE");
      assertThat(g.examples().get(0).location().column()).isEqualTo("rate");
    });
    assertThat(r.findings()).anySatisfy(g -> {
      assertThat(g.code()).isEqualTo("NEGATIVE_MOE");
      assertThat(g.examples().get(0).location().column()).isEqualTo("moe");
    });
  }

  @Test
  void mappingErrorsAreLocatedInTheMappingFile() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\n  \"layout\": \"long\",\n  \"fields\": {\"value\": \"v\"},\n  \"colour\": 1\n}\n");
    assertThatThrownBy(() -> Mapping.load(bad)).isInstanceOf(MappingException.class).satisfies(e -> {
      List<MappingProblem> ps = ((MappingException) e).problems();
      assertThat(ps).anySatisfy(p -> {
        assertThat(p.file()).isEqualTo(bad.toString());
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.pointer()).isEqualTo("/colour");
      });
    });
    Path syntax = dir.resolve("syntax.json");
    Files.writeString(syntax, "{\n  \"layout\": \"long\",\n  \"fields\": {\"value\": \"v\",}\n}\n");
    assertThatThrownBy(() -> Mapping.load(syntax)).isInstanceOf(MappingException.class).satisfies(e -> {
      MappingProblem p = ((MappingException) e).problems().get(0);
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).startsWith("not valid JSON");
    });
    Path semantic = dir.resolve("semantic.json");
    Files.writeString(semantic, """
        {
          "layout": "long",
          "fields": {"value": "v", "raceEthnicity": {"column": "g", "map": "races"}, "geoId": {"column": "t", "pattern": "(("}},
          "indicators": [
            {"id": "x", "name": "X", "unit": "percentage"}
          ]
        }
        """);
    assertThatThrownBy(() -> Mapping.load(semantic)).isInstanceOf(MappingException.class).satisfies(e -> {
      List<MappingProblem> ps = ((MappingException) e).problems();
      assertThat(ps).anySatisfy(p -> {
        assertThat(p.pointer()).isEqualTo("/fields/raceEthnicity/map");
        assertThat(p.message()).contains("no value map 'races'");
        assertThat(p.line()).isEqualTo(3);
      });
      assertThat(ps).anySatisfy(p -> {
        assertThat(p.pointer()).isEqualTo("/fields/geoId/pattern");
        assertThat(p.message()).contains("not a valid regular expression");
      });
      assertThat(ps).anySatisfy(p -> {
        assertThat(p.pointer()).isEqualTo("/indicators/0/unit");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.message()).contains("'percentage' is not a code of the codelist unit");
      });
    });
  }

  @Test
  void extendsChainsAreCheckedAndMerged() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    Files.writeString(a, "{\"extends\": \"b.json\"}");
    Files.writeString(b, "{\"extends\": \"a.json\"}");
    assertThatThrownBy(() -> Mapping.load(a)).isInstanceOf(MappingException.class).hasMessageContaining("cycle");
    Path c = dir.resolve("c.json");
    Files.writeString(c, "{\n \"extends\": \"recipe:no-such-recipe\"\n}");
    assertThatThrownBy(() -> Mapping.load(c)).isInstanceOf(MappingException.class).satisfies(e -> {
      MappingProblem p = ((MappingException) e).problems().get(0);
      assertThat(p.file()).isEqualTo(c.toString());
      assertThat(p.pointer()).isEqualTo("/extends");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).contains("no recipe 'no-such-recipe'").contains("bnia-vital-signs");
    });
    // a child's indicator declaration replaces the recipe's by id; others are kept
    Path child = dir.resolve("child.json");
    Files.writeString(child, """
        {"extends": "recipe:bnia-vital-signs",
         "indicators": [{"id": "violent-crime-rate", "codes": ["viol"], "name": "Violent crime (our name)", "unit": "rate-per-1000"}]}
        """);
    Path csv = dir.resolve("vs.csv");
    Files.writeString(csv, "CSA2010,viol19,liquor19\nCanton,1.5,0.2\n");
    Conversion conv = Converter.convert(csv, Mapping.load(child));
    assertThat(conv.indicators()).extracting(i -> i.name())
        .containsExactly("Violent crime (our name)", "Liquor Outlet Density (per 1,000 Residents)");
    assertThat(Mapping.recipes()).containsExactly("bnia-vital-signs", "acs-table", "city-health-dashboard", "cdc-wonder");
  }

  @Test
  void everyRecipeIsAValidMapping() throws Exception {
    for (String r : Mapping.recipes()) {
      assertThat(Mapping.recipe(r).name()).isEqualTo(r);
    }
  }

  @Test
  void rowsConvertedOnSeveralThreadsGiveWhatOneThreadGives() throws Exception {
    // 30,000 rows = several runs of rows; problems spread over them (more than the 100 examples a
    // code keeps), area names known and unknown (an unknown one is reported once, at its first row)
    Path csv = dir.resolve("many.csv");
    StringBuilder sb = new StringBuilder("area,group,rate,moe\n");
    String[] areas = {"Canton", "Fells Point", "Nowhere", "Harbor East", "canton", "Elsewhere"};
    String[] groups = {"All", "Black/African American", "White", "Unknown group"};
    for (int i = 0; i < 30_000; i++) {
      String rate = i % 97 == 0 ? "n.a." : i % 89 == 0 ? "**" : Double.toString((i % 1000) / 10.0);
      sb.append(areas[(i / 7) % areas.length]).append(',').append(groups[i % groups.length]).append(',')
          .append(rate).append(',').append(i % 13).append('\n');
    }
    Files.writeString(csv, sb);
    Mapping m = mapping("""
        {"layout": "long",
         "fields": {"indicator": {"constant": "poverty-rate"}, "geoId": "area",
                    "period": {"constant": "2019"}, "raceEthnicity": {"column": "group", "map": "race"},
                    "value": "rate", "moe": "moe"},
         "geography": {"level": "custom", "custom": {"aliases": {"Canton": "Canton", "Fells Point": "Fells Point",
             "Harbor East": "Harbor East"}, "parentGeoId": "24510"}},
         "valueMaps": {"race": {"All": null, "Black/African American": "black-alone", "White": "white-alone-nh"}},
         "markers": {"suppressed": ["**"]},
         "indicators": [{"id": "poverty-rate", "name": "Poverty rate", "unit": "percent", "polarity": "lower-is-better", "domain": "economy"}]}
        """);
    Conversion one = Converter.convert(csv, m, 1);
    Conversion four = Converter.convert(csv, m, 4);
    assertThat(one.observations()).hasSizeGreaterThan(15_000);
    assertThat(one.problems().stream().filter(p -> p.code().equals("NOT_A_NUMBER")).count()).isEqualTo(101);
    assertThat(one.problems().stream().filter(p -> p.code().equals("UNKNOWN_GEOGRAPHY_NAME")).map(ConversionProblem::value))
        .containsExactly("Nowhere", "Elsewhere");
    assertThat(four.observations()).isEqualTo(one.observations());
    assertThat(four.problems()).isEqualTo(one.problems());
    assertThat(four.fieldColumns()).isEqualTo(one.fieldColumns());
    assertThat(four.geographies()).isEqualTo(one.geographies());
    assertThat(four.indicators()).isEqualTo(one.indicators());
  }
}
