package io.aether.api.platform.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** External PostgreSQL when AETHER_DB_URL is set, otherwise the embedded one under AETHER_DATA_DIR. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${aether.db.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgresServer(AetherProperties properties) {
        return new EmbeddedPostgresServer(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(AetherProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        AetherProperties.Db db = properties.db();
        HikariConfig config = new HikariConfig();
        config.setPoolName("aether");
        config.setMaximumPoolSize(db.poolSize());
        // Every authenticated request touches the database: with it down, answer 503 in seconds
        // instead of holding the caller for Hikari's default 30 s.
        config.setConnectionTimeout(5_000);
        if (db.external()) {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        } else {
            EmbeddedPostgresServer server = embedded.getObject();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
        }
        // Bound every statement so that no command transaction can commit minutes late and be
        // skipped by the event processors' gap detection (docs/architecture.md).
        config.addDataSourceProperty(
                "options", "-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000");
        // A JDBC batch of inserts goes as multi-row INSERTs: a projection's batch of new rows (and a
        // rebuild's) costs PostgreSQL about 40 % less CPU than one statement per row (docs/benchmarks.md).
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
