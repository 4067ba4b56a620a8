package org.community.org.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic city: 15 districts × 10 streets × 10 communities × 10 grids × 10 buildings at scale 1, with
 * 5,000,000 households (about 33 per building). Written twice from the same seed: as the import's CSV, and
 * as pre-rendered COPY rows (ids, keys and paths already computed) for the raw COPY baseline. Leader names are
 * written as display text only: since issue 3 a unit counts as led only through a recorded SECRETARY (GROUP_LEADER)
 * post, and the import records no posts, so every generated organization is leaderless. Members (issue 3) are not
 * in the file: {@link CityBenchmark} generates them in the database after the import.
 */
final class CityGenerator {

    record Sizes(int districts, int streetsPerDistrict, int communitiesPerStreet, int gridsPerCommunity, int buildingsPerGrid,
            long households) {

        static Sizes at(double scale) {
            int districts = Math.max(1, (int) Math.round(15 * Math.min(1, scale * 10)));
            int streets = scale >= 0.1 ? 10 : Math.max(1, (int) Math.round(10 * scale * 10));
            return new Sizes(districts, streets, 10, 10, 10, Math.round(5_000_000 * scale));
        }

        long communities() {
            return (long) districts * streetsPerDistrict * communitiesPerStreet;
        }

        long buildings() {
            return communities() * gridsPerCommunity * buildingsPerGrid;
        }

        long units() {
            return 1 + districts + (long) districts * streetsPerDistrict + communities() + communities() * gridsPerCommunity + buildings();
        }
    }

    private final Sizes sizes;

    CityGenerator(Sizes sizes) {
        this.sizes = sizes;
    }

    /** The import file. */
    void writeCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("type,code,parent_code,name,level,form,leader_name,building_code,entrance,room,residents\n");
            visit(new Visitor() {
                public void unit(String code, String parentCode, String name, String level, String form, String leader, long key,
                        String path, int depth) throws IOException {
                    out.write("unit," + code + "," + (parentCode == null ? "" : parentCode) + "," + name + "," + level + ","
                            + (form == null ? "" : form) + "," + (leader == null ? "" : leader) + ",,,,\n");
                }

                public void household(String buildingCode, String buildingPath, int entrance, int room, int residents) throws IOException {
                    out.write("household,,,,,,," + buildingCode + "," + entrance + "," + room + "," + residents + "\n");
                }
            }, 0);
        }
    }

    /** The same rows in COPY text format, for tables in schema {@code rawcopy}; keys start at {@code firstKey}. */
    void writeCopyRows(Path units, Path households, long firstKey) throws IOException {
        String now = "2023-08-20 09:00:00+08";
        java.util.Map<String, UUID> ids = new java.util.HashMap<>();
        try (BufferedWriter unitOut = Files.newBufferedWriter(units, StandardCharsets.UTF_8);
                BufferedWriter householdOut = Files.newBufferedWriter(households, StandardCharsets.UTF_8)) {
            visit(new Visitor() {
                public void unit(String code, String parentCode, String name, String level, String form, String leader, long key,
                        String path, int depth) throws IOException {
                    UUID id = UUID.randomUUID();
                    ids.put(code, id);
                    unitOut.write(id + "\t" + key + "\t" + code + "\t" + name + "\t" + level + "\t" + (form == null ? "\\N" : form)
                            + "\t\\N\tACTIVE\t\\N\t" + (leader == null ? "\\N" : leader) + "\t"
                            + (parentCode == null ? "\\N" : ids.get(parentCode).toString()) + "\t" + path + "\t" + depth + "\t1\t" + now
                            + "\t" + now + "\n");
                }

                public void household(String buildingCode, String buildingPath, int entrance, int room, int residents) throws IOException {
                    householdOut.write(UUID.randomUUID() + "\t" + ids.get(buildingCode) + "\t" + buildingPath + "\t\\N\t\\N\t" + entrance
                            + "\t" + room + "\t" + residents + "\t\\N\t\\N\tf\t1\t" + now + "\t" + now + "\n");
                }
            }, firstKey);
        }
    }

    private interface Visitor {
        void unit(String code, String parentCode, String name, String level, String form, String leader, long key, String path, int depth)
                throws IOException;

        void household(String buildingCode, String buildingPath, int entrance, int room, int residents) throws IOException;
    }

    /** Walks the city in tree order (a parent before its children), households right after their building. */
    private void visit(Visitor visitor, long firstKey) throws IOException {
        Random random = new Random(20231120);
        long[] key = { firstKey };
        long householdsLeft = sizes.households();
        long buildingsLeft = sizes.buildings();
        String cityPath = "/" + Long.toString(key[0], 36) + "/";
        visitor.unit("C", null, "城市", "CITY", "COMMITTEE", "市委书记", key[0]++, cityPath, 1);
        for (int d = 0; d < sizes.districts(); d++) {
            String dCode = "C-D" + d;
            String dPath = cityPath + Long.toString(key[0], 36) + "/";
            visitor.unit(dCode, "C", "区" + d, "DISTRICT", "COMMITTEE", "区委书记" + d, key[0]++, dPath, 2);
            for (int s = 0; s < sizes.streetsPerDistrict(); s++) {
                String sCode = dCode + "-S" + s;
                String sPath = dPath + Long.toString(key[0], 36) + "/";
                visitor.unit(sCode, dCode, "街道" + d + "-" + s, "STREET", "COMMITTEE", "街道书记", key[0]++, sPath, 3);
                for (int c = 0; c < sizes.communitiesPerStreet(); c++) {
                    String cCode = sCode + "-C" + c;
                    String cPath = sPath + Long.toString(key[0], 36) + "/";
                    visitor.unit(cCode, sCode, "社区" + d + "-" + s + "-" + c, "COMMUNITY", "COMMITTEE", "社区书记", key[0]++, cPath, 4);
                    for (int g = 0; g < sizes.gridsPerCommunity(); g++) {
                        String gCode = cCode + "-G" + g;
                        String gPath = cPath + Long.toString(key[0], 36) + "/";
                        visitor.unit(gCode, cCode, "网格" + g, "GRID", "GENERAL_BRANCH", random.nextInt(20) == 0 ? null : "网格书记",
                                key[0]++, gPath, 5);
                        for (int b = 0; b < sizes.buildingsPerGrid(); b++) {
                            String bCode = gCode + "-B" + b;
                            String bPath = gPath + Long.toString(key[0], 36) + "/";
                            boolean covered = random.nextInt(10) != 0;
                            visitor.unit(bCode, gCode, b + "栋", "BUILDING", covered ? "GROUP" : null, covered ? "楼栋组长" : null,
                                    key[0]++, bPath, 6);
                            long here = householdsLeft / buildingsLeft--;
                            householdsLeft -= here;
                            for (int h = 0; h < here; h++) {
                                visitor.household(bCode, bPath, 1 + h % 3, 101 + h, 1 + random.nextInt(5));
                            }
                        }
                    }
                }
            }
        }
    }
}
