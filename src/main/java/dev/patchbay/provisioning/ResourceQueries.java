package dev.patchbay.provisioning;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** Runs a {@link ResourceQuery} against one connection's rows of a resource table. */
final class ResourceQueries {

    private ResourceQueries() {
    }

    static <E> QueryResult<E> run(EntityManager entityManager, String table, Class<E> entity, String connectionId,
            ResourceQuery query) {
        String from = " from " + table + " r where r.connection_id = :connection and (" + query.condition() + ")";
        List<E> rows = List.of();
        if (query.limit() > 0) {
            String order = query.orderBy() == null ? "r.created, r.id" : query.orderBy() + ", r.created, r.id";
            Query select = entityManager.createNativeQuery("select r.*" + from + " order by " + order
                    + " offset " + query.offset() + " limit " + query.limit(), entity);
            select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true); // no snapshot, no dirty check
            bind(select, connectionId, query);
            @SuppressWarnings("unchecked")
            List<E> found = select.getResultList();
            rows = found;
        }
        // A page that is not full tells the total by itself (an IdP's lookup by userName finds 0 or 1).
        if (query.limit() > 0 && rows.size() < query.limit() && (query.offset() == 0 || !rows.isEmpty())) {
            return new QueryResult<>(rows, query.offset() + rows.size());
        }
        Query count = entityManager.createNativeQuery("select count(*)" + from);
        bind(count, connectionId, query);
        return new QueryResult<>(rows, ((Number) count.getSingleResult()).longValue());
    }

    private static void bind(Query sql, String connectionId, ResourceQuery query) {
        sql.setParameter("connection", connectionId);
        for (int i = 0; i < query.parameters().size(); i++) {
            sql.setParameter(ResourceQuery.parameterName(i), query.parameters().get(i));
        }
    }
}
