package org.community.seeds;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Made-up people for generated data: names from common surnames and given-name characters, valid-looking mobile
 * numbers and resident ID numbers (with a correct check digit). Deterministic for a given {@link Random}.
 */
final class People {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华玉萍红建国志文斌辉宇浩凯晨欣怡雪梅琳丹鹏飞海波云峰林春燕佳慧颖婷晓东亮俊鑫博昊然子涵梓轩雨桐思远嘉怡诗琪浩宇";
    /** Area codes of the cities the seeds cover, for ID numbers. */
    private static final int[] AREAS = {420105, 440309, 340111, 321002, 370104, 310112, 110101, 330481};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
        "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199"};

    private People() {
    }

    static String name(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(10) < 6 ? 2 : 1;
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    static String mobile(Random random) {
        return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", random.nextInt(100_000_000));
    }

    /**
     * The {@code index}-th of a set of distinct mobiles whose masked form ({@code 138****1234}) is distinct as well:
     * the prefix and last four digits are fixed by the index, the middle four are random.
     */
    static String distinctMobile(int index, Random random) {
        String prefix = MOBILE_PREFIXES[(index / 10_000) % MOBILE_PREFIXES.length];
        return prefix + String.format("%04d", random.nextInt(10_000)) + String.format("%04d", index % 10_000);
    }

    static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    static boolean female(Random random) {
        return random.nextBoolean();
    }

    /** An 18-character resident ID number for the birth date and sex, with its check digit. */
    static String idNumber(Random random, LocalDate birthDate, boolean female) {
        int sequence = random.nextInt(500) * 2 + (female ? 0 : 1);
        String body = String.format("%06d%04d%02d%02d%03d", AREAS[random.nextInt(AREAS.length)], birthDate.getYear(), birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    static LocalDate birthDate(Random random, int minAge, int maxAge) {
        LocalDate reference = LocalDate.of(2023, 8, 1);
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        return reference.minusYears(age).minusDays(random.nextInt(365));
    }

    /** Names distinct within one set (a counter suffix is never needed in practice, but guarantees it). */
    static final class Distinct {
        private final Set<String> seen = new HashSet<>();

        String name(Random random) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String name = People.name(random);
                if (seen.add(name)) {
                    return name;
                }
            }
            String name = People.name(random) + seen.size();
            seen.add(name);
            return name;
        }
    }
}
