package org.community.org.tree;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

/**
 * The allowed parent→child level pairs and the levels that may stand at the top of a deployment, read from
 * the {@code level_rule} and {@code org_level} tables (changed by migration, so read once).
 */
@ApplicationScoped
public class LevelRules {

    public record Rule(Level parent, Level child) {
    }

    @Inject
    Db db;

    private volatile Map<Level, Set<Level>> childrenByParent;
    private volatile Set<Level> roots;

    public boolean allows(Level parent, Level child) {
        load();
        return childrenByParent.getOrDefault(parent, Set.of()).contains(child);
    }

    public boolean mayBeRoot(Level level) {
        load();
        return roots.contains(level);
    }

    public List<Rule> rules() {
        load();
        return childrenByParent.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(child -> new Rule(e.getKey(), child)))
                .toList();
    }

    public Set<Level> roots() {
        load();
        return roots;
    }

    private void load() {
        if (childrenByParent != null) {
            return;
        }
        Map<Level, Set<Level>> pairs = new EnumMap<>(Level.class);
        for (Rule rule : db.list("select parent_level, child_level from level_rule",
                row -> new Rule(Level.valueOf(row.getString(1)), Level.valueOf(row.getString(2))))) {
            pairs.computeIfAbsent(rule.parent(), level -> EnumSet.noneOf(Level.class)).add(rule.child());
        }
        Set<Level> rootLevels = EnumSet.noneOf(Level.class);
        rootLevels.addAll(db.list("select level from org_level where may_be_root", row -> Level.valueOf(row.getString(1))));
        roots = rootLevels;
        childrenByParent = pairs;
    }
}
