--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: cataloghub; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA cataloghub;


--
-- Name: mt_archive_stream(uuid); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_archive_stream(streamid uuid) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  update cataloghub.mt_streams set is_archived = TRUE where id = streamid ;
  update cataloghub.mt_events set is_archived = TRUE where stream_id = streamid ;
END;
$$;


--
-- Name: mt_get_next_hi(character varying); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_get_next_hi(entity character varying) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
current_value bigint;
    next_value
bigint;
BEGIN
select hi_value
into current_value
from cataloghub.mt_hilo
where entity_name = entity;
IF
current_value is null THEN
        insert into cataloghub.mt_hilo (entity_name, hi_value) values (entity, 0);
        next_value
:= 0;
ELSE
        next_value := current_value + 1;
update cataloghub.mt_hilo
set hi_value = next_value
where entity_name = entity and hi_value = current_value;

IF
NOT FOUND THEN
            next_value := -1;
END IF;
END IF;

return next_value;
END

$$;


--
-- Name: mt_grams_array(text, boolean); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_grams_array(words text, use_unaccent boolean DEFAULT false) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
        DECLARE
result text[];
        DECLARE
word text;
        DECLARE
clean_word text;
BEGIN
                FOREACH
word IN ARRAY string_to_array(words, ' ')
                LOOP
                     clean_word = regexp_replace(cataloghub.mt_safe_unaccent(use_unaccent, word), '[^a-zA-Z0-9]+', '','g');
FOR i IN 1 .. length(clean_word)
                     LOOP
                         result := result || quote_literal(substr(lower(clean_word), i, 1));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 2));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 3));
END LOOP;
END LOOP;

RETURN ARRAY(SELECT DISTINCT e FROM unnest(result) AS a(e) ORDER BY e);
END;
$$;


--
-- Name: mt_grams_query(text, boolean); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_grams_query(text, use_unaccent boolean DEFAULT false) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(cataloghub.mt_grams_array($1, use_unaccent), ' & ') ::tsquery);
END
$_$;


--
-- Name: mt_grams_vector(text, boolean); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_grams_vector(text, use_unaccent boolean DEFAULT false) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(cataloghub.mt_grams_array($1, use_unaccent), ' ') ::tsvector);
END
$_$;


--
-- Name: mt_immutable_date(text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_immutable_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$
select value::date

$$;


--
-- Name: mt_immutable_time(text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_immutable_time(value text) RETURNS time without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::time

$$;


--
-- Name: mt_immutable_timestamp(text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_immutable_timestamp(value text) RETURNS timestamp without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamp

$$;


--
-- Name: mt_immutable_timestamptz(text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_immutable_timestamptz(value text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamptz

$$;


--
-- Name: mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    patch_expression ALIAS FOR $5;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
            END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    tmp_value jsonb;
    _key text;
BEGIN
    tmp_value = retval #> location;

    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN NOT tmp_value ?| ARRAY(SELECT jsonb_object_keys(val)) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_copy(jsonb, text[], text[]); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_copy(jsonb, text[], text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_path ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = cataloghub.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value::jsonb, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_duplicate(jsonb, text[], jsonb); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_duplicate(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    targets ALIAS FOR $3;
    tmp_value jsonb;
    target_path text[];
    target text;
BEGIN
    FOR target IN SELECT jsonb_array_elements_text(targets)
    LOOP
        target_path = cataloghub.mt_jsonb_path_to_array(target, '\.');
        retval = cataloghub.mt_jsonb_copy(retval, location, target_path);
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_fix_null_parent(jsonb, text[]); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_fix_null_parent(jsonb, text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    dst_path ALIAS FOR $2;
    dst_path_segment text[] = ARRAY[]::text[];
    dst_path_array_length integer;
    i integer = 1;
BEGIN
    dst_path_array_length = array_length(dst_path, 1);
    WHILE i <=(dst_path_array_length - 1)
    LOOP
        dst_path_segment = dst_path_segment || ARRAY[dst_path[i]];
        IF retval #> dst_path_segment IS NULL OR retval #> dst_path_segment = 'null'::jsonb THEN
            retval = jsonb_set(retval, dst_path_segment, '{}'::jsonb, TRUE);
        END IF;
        i = i + 1;
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_increment(jsonb, text[], numeric); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_increment(jsonb, text[], numeric) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    location ALIAS FOR $2;
    increment_value ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NULL THEN
        tmp_value = to_jsonb(0);
END IF;

RETURN jsonb_set(retval, location, to_jsonb(tmp_value::numeric + increment_value), TRUE);
END;
$_$;


--
-- Name: mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    elm_index ALIAS FOR $4;
    if_not_exists ALIAS FOR $5;
    patch_expression ALIAS FOR $6;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF elm_index IS NULL THEN
            elm_index = jsonb_array_length(tmp_value) + 1;
        END IF;
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_move(jsonb, text[], text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_move(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_name ALIAS FOR $3;
    dst_path text[];
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = retval #- src_path;
    dst_path = src_path;
    dst_path[array_length(dst_path, 1)] = dst_name;
    retval = cataloghub.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_patch(jsonb, jsonb); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_patch(jsonb, jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    patchset ALIAS FOR $2;
    patch jsonb;
    patch_path text[];
    patch_expression jsonb;
    value jsonb;
BEGIN
    FOR patch IN SELECT * from jsonb_array_elements(patchset)
    LOOP
        patch_path = cataloghub.mt_jsonb_path_to_array((patch->>'path')::text, '\.');

        patch_expression = null;
        IF (patch->>'type') IN ('remove', 'append_if_not_exists', 'insert_if_not_exists') AND (patch->>'expression') IS NOT NULL THEN
            patch_expression = jsonb_path_query_array(retval #> patch_path, (patch->>'expression')::jsonpath);
        END IF;

        CASE patch->>'type'
            WHEN 'set' THEN
                retval = jsonb_set(retval, patch_path, (patch->'value')::jsonb, TRUE);
            WHEN 'delete' THEN
                retval = retval#-patch_path;
            WHEN 'append' THEN
                retval = cataloghub.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, FALSE);
            WHEN 'append_if_not_exists' THEN
                retval = cataloghub.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, TRUE, patch_expression);
            WHEN 'append_key_value' THEN
                retval = cataloghub.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, FALSE);
            WHEN 'append_key_value_if_not_exists' THEN
                retval = cataloghub.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, TRUE);
            WHEN 'insert' THEN
                retval = cataloghub.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, FALSE);
            WHEN 'insert_if_not_exists' THEN
                retval = cataloghub.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, TRUE, patch_expression);
            WHEN 'remove' THEN
                retval = cataloghub.mt_jsonb_remove(retval, patch_path, COALESCE(patch_expression, (patch->'value')::jsonb));
            WHEN 'remove_key' THEN
                retval = cataloghub.mt_jsonb_remove_key(retval, patch_path, (patch->>'key'));
            WHEN 'duplicate' THEN
                retval = cataloghub.mt_jsonb_duplicate(retval, patch_path, (patch->'targets')::jsonb);
            WHEN 'rename' THEN
                retval = cataloghub.mt_jsonb_move(retval, patch_path, (patch->>'to')::text);
            WHEN 'increment' THEN
                retval = cataloghub.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            WHEN 'increment_float' THEN
                retval = cataloghub.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            ELSE NULL;
        END CASE;
    END LOOP;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_path_to_array(text, character); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_path_to_array(text, character) RETURNS text[]
    LANGUAGE plpgsql
    AS $_$
DECLARE
    location ALIAS FOR $1;
    regex_pattern ALIAS FOR $2;
BEGIN
RETURN regexp_split_to_array(location, regex_pattern)::text[];
END;
$_$;


--
-- Name: mt_jsonb_remove(jsonb, text[], jsonb); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_remove(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF jsonb_typeof(val) = 'array' THEN
            tmp_remove = val;
        ELSE
            tmp_remove = jsonb_build_array(val);
        END IF;

        FOR patch_remove IN SELECT * FROM jsonb_array_elements(tmp_remove)
        LOOP
            tmp_value =(SELECT jsonb_agg(elem)
            FROM jsonb_array_elements(tmp_value) AS elem
            WHERE elem <> patch_remove);
        END LOOP;

        IF tmp_value IS NULL THEN
            tmp_value = '[]'::jsonb;
        END IF;
    END IF;
    RETURN jsonb_set(retval, location, tmp_value, FALSE);
END;
$_$;


--
-- Name: mt_jsonb_remove_key(jsonb, text[], text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_jsonb_remove_key(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    _key ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        RETURN jsonb_set(retval, location, tmp_value - _key, FALSE);
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_mark_event_progression(character varying, bigint); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_mark_event_progression(name character varying, last_encountered bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
INSERT INTO cataloghub.mt_event_progression (name, last_seq_id, last_updated)
VALUES (name, last_encountered, transaction_timestamp())
ON CONFLICT ON CONSTRAINT pk_mt_event_progression
    DO
UPDATE SET last_seq_id = last_encountered, last_updated = transaction_timestamp();

END;

$$;


--
-- Name: mt_mark_progression_with_skip(character varying, bigint, bigint); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_mark_progression_with_skip(shard_name character varying, ending_sequence bigint, starting_sequence bigint) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_value bigint;
BEGIN
    select last_seq_id into current_value from cataloghub.mt_event_progression where name = shard_name;

    IF current_value is null then
        -- Bootstrap the high-water row on first invocation. Previously this branch
        -- returned 0, which left HighWaterAgent.CheckNowAsync polling forever because
        -- statistics.CurrentMark never advanced. Issue #4425.
        INSERT INTO cataloghub.mt_event_progression (name, last_seq_id, last_updated)
        VALUES (shard_name, ending_sequence, transaction_timestamp())
        ON CONFLICT ON CONSTRAINT pk_mt_event_progression
            DO UPDATE SET last_seq_id = ending_sequence, last_updated = transaction_timestamp();
        IF ending_sequence > starting_sequence THEN
            -- Idempotent: a rebuild/replay re-marks the same skip (ending_sequence is the
            -- PK). Re-recording an existing gap is a no-op. Conflict target is the PK
            -- constraint (the bare column name collides with the function parameter). #4530.
            insert into cataloghub.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
                on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        END IF;
        return ending_sequence;
    ELSIF current_value = starting_sequence THEN
        update cataloghub.mt_event_progression SET last_seq_id = ending_sequence, last_updated = transaction_timestamp() where shard_name = name;
        insert into cataloghub.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
            on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        return ending_sequence;
    ELSE
        return current_value;
    END IF;
END
$$;


--
-- Name: mt_quick_append_events(uuid, character varying, character varying, uuid[], character varying[], character varying[], jsonb[], bytea[], character varying[], character varying[], jsonb[], character varying[], bigint); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_quick_append_events(stream uuid, stream_type character varying, tenantid character varying, event_ids uuid[], event_types character varying[], dotnet_types character varying[], bodies jsonb[], bdatas bytea[], causation_ids character varying[], correlation_ids character varying[], headers jsonb[], user_names character varying[], expected_version bigint DEFAULT NULL::bigint) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
	event_version bigint;
	stream_is_archived boolean;
	event_type varchar;
	event_id uuid;
	body jsonb;
	index int;
	seq bigint;
    actual_tenant varchar;
    is_new_stream boolean := false;
	return_value bigint[];
BEGIN
    if expected_version IS NOT NULL then
        -- COALESCE turns the NULL we get for a brand-new stream into 0, so a
        -- FetchForWriting against a non-existent stream (which sets
        -- ExpectedVersionOnServer = 0) and a StartStream(id, version: 0) both
        -- land on the new-stream branch instead of mis-firing the guard.
        select version, is_archived into event_version, stream_is_archived from cataloghub.mt_streams where id = stream;
        if COALESCE(event_version, 0) != expected_version then
            RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', stream, expected_version, COALESCE(event_version, 0) USING ERRCODE = 'MT003';
        end if;
    else
        select version, is_archived into event_version, stream_is_archived from cataloghub.mt_streams where id = stream;
    end if;

	if event_version IS NULL then
		event_version = 0;
		is_new_stream := true;
		-- #5456 follow-up: insert the FINAL version straight away rather than 0 plus a
		-- trailing UPDATE of the row we just wrote in this same transaction. That UPDATE
		-- is a second heap tuple + WAL record per stream creation for no observable gain
		-- -- nothing outside this transaction can see the intermediate 0. The trailing
		-- UPDATE below is skipped for this branch via is_new_stream.
		insert into cataloghub.mt_streams (id, type, version, timestamp, tenant_id) values (stream, stream_type, COALESCE(array_length(event_ids, 1), 0), now(), tenantid);
    else
        if stream_is_archived then
            RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', stream USING ERRCODE = 'MT001';
        end if;
        if tenantid IS NOT NULL then
            select tenant_id into actual_tenant from cataloghub.mt_streams where id = stream;
            if actual_tenant != tenantid then
                RAISE EXCEPTION 'The tenantid does not match the existing stream';
            end if;
        end if;
	end if;

	index := 1;
	-- #5062: array_length('{}', 1) is NULL in PostgreSQL, not 0, so a call with an
	-- empty event array used to return ARRAY[NULL] -- a bigint[] whose only element
	-- is NULL, which Npgsql cannot read into long[] ('Cannot read a non-nullable
	-- collection of elements because the returned array contains nulls'). COALESCE
	-- makes the empty case mean what it says: zero events appended, so the final
	-- version is the stream's current version.
	return_value := ARRAY[event_version + COALESCE(array_length(event_ids, 1), 0)];

	foreach event_id in ARRAY event_ids
	loop
        seq := nextval('cataloghub.mt_events_sequence');
		return_value := array_append(return_value, seq);

	    event_version := event_version + 1;
		event_type = event_types[index];
		body = bodies[index];

		-- #4515 / #4578 / Phase 2: bdatas[index] carries the binary payload
		-- for events opted in to binary serialization (NULL otherwise).
		-- bodies[index] is the {} JSON placeholder for those events so the
		-- existing data jsonb NOT NULL constraint stays intact.
		insert into cataloghub.mt_events
			(seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived, causation_id, correlation_id, headers, user_name)
		values
			(seq, event_id, stream, event_version, body, bdatas[index], event_type, tenantid, (now() at time zone 'utc'), dotnet_types[index], FALSE, causation_ids[index], correlation_ids[index], headers[index], user_names[index]);

		index := index + 1;
	end loop;

	-- A brand-new stream already carries its final version from the insert above, so the
	-- UPDATE is only needed when we appended onto a stream that already existed.
	--
	-- #5539: and only when we actually appended something. With ZERO events this was a BLIND write-back
	-- of the version read at the top of the function, and under READ COMMITTED that is a lost update: the
	-- UPDATE waits on a concurrent appender's row lock, the winner commits, the WHERE clause is
	-- re-evaluated against the new row, and `set version = <the stale value>` lands -- leaving
	-- mt_streams.version BELOW the stream's own events. Every later append then computes a version that
	-- already exists and dies on pk_mt_events_stream_and_version, forever, until the row is repaired by
	-- hand. A non-empty call cannot do this: its first INSERT collides with the winner on that same
	-- primary key and rolls the whole thing back, which is why only the empty case was exposed.
	--
	-- Two independent guards, because either alone would have been enough and the cost of both is nil:
	--   * the append count -- appending nothing has nothing to write, so the correct number of statements
	--     is zero rather than one that happens to be harmless;
	--   * greatest(), so the write-back can never LOWER a stream's version whoever calls it. An append
	--     only ever moves a version forward, so this is a no-op on every correct path and a backstop on
	--     any future caller that reads the version and then writes it back.
	if not is_new_stream and COALESCE(array_length(event_ids, 1), 0) > 0 then
		update cataloghub.mt_streams set version = greatest(version, event_version), timestamp = now() where id = stream;
	end if;

	return return_value;
END
$$;


--
-- Name: mt_safe_unaccent(boolean, text); Type: FUNCTION; Schema: cataloghub; Owner: -
--

CREATE FUNCTION cataloghub.mt_safe_unaccent(use_unaccent boolean, word text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
BEGIN
IF use_unaccent THEN
    RETURN public.unaccent(word);
ELSE
    RETURN word;
END IF;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: mt_doc_access_record; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_access_record (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    holder_ref character varying,
    consumer_code character varying,
    at timestamp with time zone,
    sequence bigint
);


--
-- Name: mt_doc_api_key_index; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_api_key_index (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_deadletterevent; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_deadletterevent (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_deferral; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_deferral (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    owner_department_id uuid
);


--
-- Name: mt_doc_deferral_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_deferral_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    item_id uuid,
    version integer
);


--
-- Name: mt_doc_department; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_department (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_derived_confirmation; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_derived_confirmation (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_entry; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_entry (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_entry_repeal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_entry_repeal (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_entry_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_entry_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    entry_id uuid,
    version integer
);


--
-- Name: mt_doc_envelope; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_envelope (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_event_seal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_event_seal (
    id bigint NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    stream_id uuid
);


--
-- Name: mt_doc_filing_acknowledgement; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_filing_acknowledgement (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_grant; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_grant (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    consumer_department_id uuid,
    type_code character varying
);


--
-- Name: mt_doc_holder_key; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_holder_key (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_idempotency; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_idempotency (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    expires_at timestamp with time zone
);


--
-- Name: mt_doc_implementation_list; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_implementation_list (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    owner_department_id uuid
);


--
-- Name: mt_doc_implementation_list_repeal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_implementation_list_repeal (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_implementation_list_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_implementation_list_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    list_id uuid,
    version integer
);


--
-- Name: mt_doc_intermediary_service; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_intermediary_service (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    owner_department_id uuid
);


--
-- Name: mt_doc_intermediary_service_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_intermediary_service_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    item_id uuid,
    version integer
);


--
-- Name: mt_doc_licence; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_licence (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    holder_ref character varying,
    type_code character varying,
    identifier character varying
);


--
-- Name: mt_doc_licence_type; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_licence_type (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_licence_type_repeal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_licence_type_repeal (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_licence_type_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_licence_type_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    type_id uuid,
    version integer
);


--
-- Name: mt_doc_list_item_repeal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_list_item_repeal (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_promise; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_promise (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    owner_department_id uuid
);


--
-- Name: mt_doc_promise_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_promise_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    item_id uuid,
    version integer
);


--
-- Name: mt_doc_proof_item; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_proof_item (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    owner_department_id uuid
);


--
-- Name: mt_doc_proof_item_version; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_proof_item_version (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    item_id uuid,
    version integer
);


--
-- Name: mt_doc_seal; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_seal (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    department_code character varying
);


--
-- Name: mt_doc_sealed_stream; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_sealed_stream (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    version bigint
);


--
-- Name: mt_doc_subscription; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_subscription (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_subscription_secret; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_doc_subscription_secret (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_event_progression; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_event_progression (
    name character varying NOT NULL,
    last_seq_id bigint,
    last_updated timestamp with time zone DEFAULT transaction_timestamp(),
    mode character varying DEFAULT 'none'::character varying,
    rebuild_threshold integer DEFAULT 0,
    assigned_node integer DEFAULT 0,
    heartbeat timestamp with time zone,
    agent_status character varying(20),
    pause_reason text,
    running_on_node integer,
    warning_behind_threshold bigint,
    critical_behind_threshold bigint,
    failure_category character varying(50),
    failure_event_sequence bigint,
    failure_event_type character varying(500),
    failure_event_tenant_id character varying(500)
);


--
-- Name: mt_event_projection_floors; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_event_projection_floors (
    name character varying NOT NULL,
    tenant_id character varying NOT NULL,
    floor bigint NOT NULL,
    last_updated timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_events; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id uuid,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    bdata bytea,
    type character varying(500) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT '2026-11-25 19:03:15.693417+00'::timestamp with time zone NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    mt_dotnet_type character varying,
    correlation_id character varying,
    causation_id character varying,
    headers jsonb,
    user_name character varying,
    is_archived boolean DEFAULT false
);


--
-- Name: mt_events_sequence; Type: SEQUENCE; Schema: cataloghub; Owner: -
--

CREATE SEQUENCE cataloghub.mt_events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mt_events_sequence; Type: SEQUENCE OWNED BY; Schema: cataloghub; Owner: -
--

ALTER SEQUENCE cataloghub.mt_events_sequence OWNED BY cataloghub.mt_events.seq_id;


--
-- Name: mt_high_water_skips; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_high_water_skips (
    ending_sequence bigint NOT NULL,
    starting_sequence bigint NOT NULL,
    "timestamp" timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_hilo; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_hilo (
    entity_name character varying NOT NULL,
    hi_value bigint DEFAULT 0
);


--
-- Name: mt_streams; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.mt_streams (
    id uuid NOT NULL,
    type character varying,
    version bigint,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    created timestamp with time zone DEFAULT now() NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    compacted_version bigint DEFAULT 0 NOT NULL,
    is_archived boolean DEFAULT false
);


--
-- Name: publication_changes; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.publication_changes (
    tx xid8 DEFAULT pg_current_xact_id() NOT NULL,
    sequence bigint NOT NULL,
    list character varying NOT NULL,
    kind character varying NOT NULL,
    id uuid NOT NULL,
    region_code character varying,
    item_code character varying,
    recorded_at timestamp with time zone NOT NULL,
    document jsonb
);


--
-- Name: publication_intervals; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.publication_intervals (
    list character varying NOT NULL,
    id uuid NOT NULL,
    effective_at timestamp with time zone NOT NULL,
    superseded_at timestamp with time zone,
    version integer NOT NULL,
    version_id character varying NOT NULL,
    region_code character varying,
    item_code character varying,
    repeal jsonb
);


--
-- Name: wolverine_agent_restrictions; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_agent_restrictions (
    id uuid NOT NULL,
    uri character varying NOT NULL,
    type character varying NOT NULL,
    node integer DEFAULT 0 NOT NULL
);


--
-- Name: wolverine_control_queue; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_control_queue (
    id uuid NOT NULL,
    message_type character varying NOT NULL,
    node_id uuid NOT NULL,
    body bytea NOT NULL,
    posted timestamp with time zone DEFAULT now() NOT NULL,
    expires timestamp with time zone
);


--
-- Name: wolverine_dead_letter_history; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_dead_letter_history (
    id uuid NOT NULL,
    replay_count integer,
    last_replayed_at timestamp with time zone,
    first_failed_at timestamp with time zone
);


--
-- Name: wolverine_dead_letters; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_dead_letters (
    id uuid NOT NULL,
    execution_time timestamp with time zone,
    body bytea NOT NULL,
    message_type character varying NOT NULL,
    received_at character varying,
    source character varying,
    exception_type character varying,
    exception_message character varying,
    sent_at timestamp with time zone,
    replayable boolean,
    failure_group character varying(100),
    failure_title character varying(500),
    failed_at timestamp with time zone,
    first_failed_at timestamp with time zone,
    replay_count integer,
    last_replayed_at timestamp with time zone,
    archived_at timestamp with time zone
);


--
-- Name: wolverine_incoming_envelopes; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_incoming_envelopes (
    id uuid NOT NULL,
    status character varying NOT NULL,
    owner_id integer NOT NULL,
    execution_time timestamp with time zone,
    attempts integer DEFAULT 0,
    body bytea NOT NULL,
    message_type character varying NOT NULL,
    received_at character varying,
    keep_until timestamp with time zone
);


--
-- Name: wolverine_node_assignments; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_node_assignments (
    id character varying NOT NULL,
    node_id uuid,
    started timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: wolverine_node_records; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_node_records (
    id integer NOT NULL,
    node_number integer NOT NULL,
    event_name character varying NOT NULL,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    description character varying
);


--
-- Name: wolverine_node_records_id_seq; Type: SEQUENCE; Schema: cataloghub; Owner: -
--

CREATE SEQUENCE cataloghub.wolverine_node_records_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: wolverine_node_records_id_seq; Type: SEQUENCE OWNED BY; Schema: cataloghub; Owner: -
--

ALTER SEQUENCE cataloghub.wolverine_node_records_id_seq OWNED BY cataloghub.wolverine_node_records.id;


--
-- Name: wolverine_nodes; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_nodes (
    id uuid NOT NULL,
    node_number integer NOT NULL,
    description character varying NOT NULL,
    uri character varying NOT NULL,
    started timestamp with time zone DEFAULT now() NOT NULL,
    health_check timestamp with time zone DEFAULT now() NOT NULL,
    version character varying,
    capabilities text[]
);


--
-- Name: wolverine_nodes_node_number_seq; Type: SEQUENCE; Schema: cataloghub; Owner: -
--

CREATE SEQUENCE cataloghub.wolverine_nodes_node_number_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: wolverine_nodes_node_number_seq; Type: SEQUENCE OWNED BY; Schema: cataloghub; Owner: -
--

ALTER SEQUENCE cataloghub.wolverine_nodes_node_number_seq OWNED BY cataloghub.wolverine_nodes.node_number;


--
-- Name: wolverine_outgoing_envelopes; Type: TABLE; Schema: cataloghub; Owner: -
--

CREATE TABLE cataloghub.wolverine_outgoing_envelopes (
    id uuid NOT NULL,
    owner_id integer NOT NULL,
    destination character varying NOT NULL,
    deliver_by timestamp with time zone,
    body bytea NOT NULL,
    attempts integer DEFAULT 0,
    message_type character varying NOT NULL
);


--
-- Name: wolverine_node_records id; Type: DEFAULT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_node_records ALTER COLUMN id SET DEFAULT nextval('cataloghub.wolverine_node_records_id_seq'::regclass);


--
-- Name: wolverine_nodes node_number; Type: DEFAULT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_nodes ALTER COLUMN node_number SET DEFAULT nextval('cataloghub.wolverine_nodes_node_number_seq'::regclass);


--
-- Data for Name: mt_doc_access_record; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_access_record VALUES ('01a2141b-5045-71dd-b6ed-cc73373a1c11', '{"at": "2026-11-25T21:47:30.7051884+00:00", "id": "01a2141b-5045-71dd-b6ed-cc73373a1c11", "keyId": "2dc36cae2ece36ec", "fields": ["licenceNumber", "premises"], "grantId": "01a2141b-4fbc-7547-bb05-d466513fca8d", "outcome": "allowed", "sequence": 43, "typeCode": "SPJYXK", "holderRef": "h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e", "licenceIds": ["01a2141b-4ef3-77f0-9f32-29a8bd10ca5a"], "reasonCode": null, "identifiers": ["1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.L"], "consumerCode": "1141100000533099XB", "purposeItemId": "01a2141b-4be4-7784-a257-81e506525612", "purposeCitation": {"id": "01a2141b-4be4-7784-a257-81e506525612", "list": "base-catalogue", "version": 1, "sequence": 35, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "purposeItemName": "一次性创业补贴申领", "consumerDepartmentId": "01a2141b-3344-7841-a388-29afcf681571"}', '2026-11-25 19:07:44.12223+00', '01a2141b-5079-4688-b0d2-495bb41f2265', 'CatalogHub.Sharing.AccessLog.AccessRecord', 'h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e', '1141100000533099XB', '2026-11-25 21:47:30.705188+00', 43);


--
-- Data for Name: mt_doc_api_key_index; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_api_key_index VALUES ('666595ddd964f131', '{"id": "666595ddd964f131", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '2026-11-25 19:07:36.619334+00', '01a2141b-3321-4edc-82a8-377201cc6d0c', 'CatalogHub.Departments.ApiKeyIndex');
INSERT INTO cataloghub.mt_doc_api_key_index VALUES ('7efe3b97ea0b2f30', '{"id": "7efe3b97ea0b2f30", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:36.637787+00', '01a2141b-333d-4663-bd8d-5897b2946f7f', 'CatalogHub.Departments.ApiKeyIndex');
INSERT INTO cataloghub.mt_doc_api_key_index VALUES ('2dc36cae2ece36ec', '{"id": "2dc36cae2ece36ec", "departmentId": "01a2141b-3344-7841-a388-29afcf681571"}', '2026-11-25 19:07:36.647207+00', '01a2141b-3346-4811-8c1d-951c440b1d04', 'CatalogHub.Departments.ApiKeyIndex');
INSERT INTO cataloghub.mt_doc_api_key_index VALUES ('04bbd649cc283dd5', '{"id": "04bbd649cc283dd5", "departmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', '2026-11-25 19:07:36.658353+00', '01a2141b-3351-4012-9ea1-8cbd896d7aed', 'CatalogHub.Departments.ApiKeyIndex');
INSERT INTO cataloghub.mt_doc_api_key_index VALUES ('6c65380cc2cf2030', '{"id": "6c65380cc2cf2030", "departmentId": "01a2141b-3388-7a51-898a-1dffd4c5a280"}', '2026-11-25 19:07:36.721572+00', '01a2141b-3390-473b-9ac8-4723fd793e16', 'CatalogHub.Departments.ApiKeyIndex');


--
-- Data for Name: mt_doc_deadletterevent; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_deferral; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_deferral_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_department; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_department VALUES ('01a2141b-31de-7cf2-9f7a-c97ae0282da3', '{"id": "01a2141b-31de-7cf2-9f7a-c97ae0282da3", "code": "11411000005326026D", "keys": [{"keyId": "666595ddd964f131", "label": "test key", "keyHash": "557fa14eea0ab4c4a919fe6cb4624e9ffbcbc3b45aa8a2be63a3cbb788c090b4", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "revokedAt": null}], "name": "许昌市政务服务和大数据管理局", "roles": ["hub-admin", "catalogue-manager"], "version": 2, "regionCode": "411000", "deregisteredAt": null}', '2026-11-25 19:07:36.619334+00', 'CatalogHub.Departments.Department', 2);
INSERT INTO cataloghub.mt_doc_department VALUES ('01a2141b-3339-7ed1-982f-27b3aff607e0', '{"id": "01a2141b-3339-7ed1-982f-27b3aff607e0", "code": "11411000005327811H", "keys": [{"keyId": "7efe3b97ea0b2f30", "label": "test key", "keyHash": "fcff3215e5d23ab99aee98e1b2201dcee7c840ac4ef4d4592347642dc114170e", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "revokedAt": null}], "name": "许昌市市场监督管理局", "roles": ["service-department", "licence-issuer"], "version": 2, "regionCode": "411000", "deregisteredAt": null}', '2026-11-25 19:07:36.637787+00', 'CatalogHub.Departments.Department', 2);
INSERT INTO cataloghub.mt_doc_department VALUES ('01a2141b-3344-7841-a388-29afcf681571', '{"id": "01a2141b-3344-7841-a388-29afcf681571", "code": "1141100000533099XB", "keys": [{"keyId": "2dc36cae2ece36ec", "label": "test key", "keyHash": "1804f5f7382018740988aefff2f484fd44eacfa5c99bc115eb6be2607cf4c08d", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "revokedAt": null}], "name": "许昌市人力资源和社会保障局", "roles": ["consumer"], "version": 2, "regionCode": "411000", "deregisteredAt": null}', '2026-11-25 19:07:36.647207+00', 'CatalogHub.Departments.Department', 2);
INSERT INTO cataloghub.mt_doc_department VALUES ('01a2141b-334f-7d95-9d2e-999d88cd83b6', '{"id": "01a2141b-334f-7d95-9d2e-999d88cd83b6", "code": "11411000005329034X", "keys": [{"keyId": "04bbd649cc283dd5", "label": "test key", "keyHash": "c22aaaa5e25a16a40340aa94d679777613b7707311a9c436658a7aae34a58ddf", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "revokedAt": null}], "name": "许昌市卫生健康委员会", "roles": ["service-department", "licence-issuer"], "version": 2, "regionCode": "411000", "deregisteredAt": null}', '2026-11-25 19:07:36.658353+00', 'CatalogHub.Departments.Department', 2);
INSERT INTO cataloghub.mt_doc_department VALUES ('01a2141b-3388-7a51-898a-1dffd4c5a280', '{"id": "01a2141b-3388-7a51-898a-1dffd4c5a280", "code": "114110000053295500", "keys": [{"keyId": "6c65380cc2cf2030", "label": "test key", "keyHash": "ad14d2cd51bfd31f64923700ae3f42a441ede7380b5500999561e740d3909c75", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "revokedAt": null}], "name": "许昌市审计局", "roles": ["auditor"], "version": 2, "regionCode": "411000", "deregisteredAt": null}', '2026-11-25 19:07:36.721572+00', 'CatalogHub.Departments.Department', 2);


--
-- Data for Name: mt_doc_derived_confirmation; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_entry; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_entry VALUES ('01a2141b-4707-7140-aa07-97a0cacfdbba', '{"id": "01a2141b-4707-7140-aa07-97a0cacfdbba", "draft": {"name": "食品经营许可（含仅销售预包装食品备案）", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "version": 6, "itemCode": "000147011000", "lifecycle": {"stage": "idle", "isRepealed": false, "latestVersion": 2, "latestEffectiveAt": "2026-11-27T19:07:30.7051884+00:00", "repealEffectiveAt": null}, "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', '2026-11-25 19:07:42.492197+00', 'CatalogHub.Catalogue.Entry', 6);
INSERT INTO cataloghub.mt_doc_entry VALUES ('01a2141b-4be4-7784-a257-81e506525612', '{"id": "01a2141b-4be4-7784-a257-81e506525612", "draft": {"name": "一次性创业补贴申领", "category": "公共服务", "legalBases": [{"level": "法律", "title": "中华人民共和国就业促进法", "article": "第十五条"}, {"level": "规范性文件", "title": "河南省就业创业补贴管理办法", "article": "第八条"}], "externalSourceId": null, "competentDepartment": "许昌市人力资源和社会保障局", "implementingAuthority": "许昌市人力资源和社会保障局"}, "version": 3, "itemCode": "000109008000", "lifecycle": {"stage": "idle", "isRepealed": false, "latestVersion": 1, "latestEffectiveAt": "2026-11-25T20:07:30.7051884+00:00", "repealEffectiveAt": null}, "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', '2026-11-25 19:07:42.969322+00', 'CatalogHub.Catalogue.Entry', 3);
INSERT INTO cataloghub.mt_doc_entry VALUES ('01a2141b-4c10-7ef5-b68a-55870a15d8c2', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "draft": {"name": "食品小作坊登记", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "version": 4, "itemCode": "000147099000", "lifecycle": {"stage": "idle", "isRepealed": true, "latestVersion": 1, "latestEffectiveAt": "2026-11-25T20:07:30.7051884+00:00", "repealEffectiveAt": "2026-11-26T19:07:30.7051884+00:00"}, "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', '2026-11-25 19:07:43.179235+00', 'CatalogHub.Catalogue.Entry', 4);


--
-- Data for Name: mt_doc_entry_repeal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_entry_repeal VALUES ('01a2141b-4c10-7ef5-b68a-55870a15d8c2', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "citation": {"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "list": "base-catalogue", "basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "sequence": 39, "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}, "sequence": 39, "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}', '2026-11-25 19:07:43.179235+00', '01a2141b-4cca-465a-bd66-cab4092adae0', 'CatalogHub.Catalogue.EntryRepeal');


--
-- Data for Name: mt_doc_entry_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_entry_version VALUES ('01a2141b-4707-7140-aa07-97a0cacfdbba:1', '{"id": "01a2141b-4707-7140-aa07-97a0cacfdbba:1", "note": "按条例公布", "content": {"name": "食品经营许可", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "citation": {"id": "01a2141b-4707-7140-aa07-97a0cacfdbba", "list": "base-catalogue", "version": 1, "sequence": 26, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:27:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 26, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:27:30.7051884+00:00", "publishedBy": "11411000005326026D"}', '2026-11-25 19:07:42.170488+00', '01a2141b-48d9-4bfe-ad8f-2cc3f6108f2a', 'CatalogHub.Catalogue.EntryVersion', '01a2141b-4707-7140-aa07-97a0cacfdbba', 1);
INSERT INTO cataloghub.mt_doc_entry_version VALUES ('01a2141b-4707-7140-aa07-97a0cacfdbba:2', '{"id": "01a2141b-4707-7140-aa07-97a0cacfdbba:2", "note": "按条例公布", "content": {"name": "食品经营许可（含仅销售预包装食品备案）", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 2, "citation": {"id": "01a2141b-4707-7140-aa07-97a0cacfdbba", "list": "base-catalogue", "version": 2, "sequence": 29, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 29, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', '2026-11-25 19:07:42.492197+00', '01a2141b-4a1a-4e73-adc3-aab10cb26561', 'CatalogHub.Catalogue.EntryVersion', '01a2141b-4707-7140-aa07-97a0cacfdbba', 2);
INSERT INTO cataloghub.mt_doc_entry_version VALUES ('01a2141b-4be4-7784-a257-81e506525612:1', '{"id": "01a2141b-4be4-7784-a257-81e506525612:1", "note": "按条例公布", "content": {"name": "一次性创业补贴申领", "category": "公共服务", "legalBases": [{"level": "法律", "title": "中华人民共和国就业促进法", "article": "第十五条"}, {"level": "规范性文件", "title": "河南省就业创业补贴管理办法", "article": "第八条"}], "externalSourceId": null, "competentDepartment": "许昌市人力资源和社会保障局", "implementingAuthority": "许昌市人力资源和社会保障局"}, "entryId": "01a2141b-4be4-7784-a257-81e506525612", "version": 1, "citation": {"id": "01a2141b-4be4-7784-a257-81e506525612", "list": "base-catalogue", "version": 1, "sequence": 35, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000109008000", "sequence": 35, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', '2026-11-25 19:07:42.969322+00', '01a2141b-4bf8-4ed1-a311-151529bb74b3', 'CatalogHub.Catalogue.EntryVersion', '01a2141b-4be4-7784-a257-81e506525612', 1);
INSERT INTO cataloghub.mt_doc_entry_version VALUES ('01a2141b-4c10-7ef5-b68a-55870a15d8c2:1', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2:1", "note": "按条例公布", "content": {"name": "食品小作坊登记", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "version": 1, "citation": {"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "list": "base-catalogue", "version": 1, "sequence": 38, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147099000", "sequence": 38, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', '2026-11-25 19:07:43.022658+00', '01a2141b-4c2e-4c56-a8fe-bbde75a6c637', 'CatalogHub.Catalogue.EntryVersion', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', 1);


--
-- Data for Name: mt_doc_envelope; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_event_seal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_filing_acknowledgement; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_grant; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_grant VALUES ('01a2141b-4fbc-7547-bb05-d466513fca8d', '{"id": "01a2141b-4fbc-7547-bb05-d466513fca8d", "fields": ["licenceNumber", "premises"], "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "version": 1, "typeCode": "SPJYXK", "grantedBy": "11411000005327811H", "revokedAt": null, "validFrom": "2026-11-25T21:47:30.7051884+00:00", "validUntil": "2027-11-25T21:47:30.7051884+00:00", "consumerCode": "1141100000533099XB", "purposeItemIds": ["01a2141b-4be4-7784-a257-81e506525612"], "consumerDepartmentId": "01a2141b-3344-7841-a388-29afcf681571"}', '2026-11-25 19:07:43.954154+00', 'CatalogHub.Sharing.Grants.Grant', 1, '01a2141b-3344-7841-a388-29afcf681571', 'SPJYXK');


--
-- Data for Name: mt_doc_holder_key; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_holder_key VALUES ('h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e', '{"id": "h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e", "createdAt": "2026-11-25T21:47:30.7051884+00:00", "wrappedKey": "s56oqwlCmiLatDkPihvnVKuOg1XLZaFzmvE8/lVkRQM+52FEZ9tRBVFTAzLoAc0Drf4qlAfrbvgxt4AV"}', '2026-11-25 19:07:43.783693+00', '01a2141b-4f13-43eb-bdb9-346ad25c92ba', 'CatalogHub.Sharing.Holders.HolderKey');


--
-- Data for Name: mt_doc_idempotency; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_implementation_list; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_implementation_list VALUES ('01a2141b-4aa4-7e8c-9403-6857974835b8', '{"id": "01a2141b-4aa4-7e8c-9403-6857974835b8", "draft": {"fees": [], "free": true, "steps": [{"name": "受理", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十二条"}, "description": "窗口当场或者在五个工作日内作出是否受理的决定"}, {"name": "审查", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十四条"}, "description": "对申请材料进行审查，必要时进行现场核查"}, {"name": "决定", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十八条"}, "description": "作出准予或者不予许可的书面决定"}, {"name": "送达", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第四十四条"}, "description": "颁发食品经营许可证"}], "result": "食品经营许可证", "channels": ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"], "remedies": {"litigation": "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼", "reconsideration": "自知道之日起六十日内向许昌市人民政府申请行政复议"}, "materials": [{"form": "both", "name": "食品经营许可申请书", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "electronic", "name": "营业执照", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013338W001"}, {"form": "electronic", "name": "法定代表人居民身份证", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013127D001"}, {"form": "both", "name": "主要设备设施布局图及操作流程说明", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "食品安全管理制度文本", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "委托代理人授权委托书", "copies": 1, "source": "applicant", "required": false, "proofItemId": null, "licenceTypeCode": null}], "conditions": [{"text": "申请人已依法取得营业执照等合法主体资格", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}}, {"text": "具有与经营的食品品种、数量相适应的经营场所", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十三条第一款第一项"}}], "progressQuery": "河南政务服务网“办件查询”，或拨打12345政务服务便民热线", "reviewStandard": "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应", "serviceObjects": ["企业法人", "个体工商户", "其他组织"], "promisedLimitDays": 5, "statutoryLimitDays": 20, "intermediaryServices": null}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 3, "itemCode": "000147011000", "lifecycle": {"stage": "idle", "isRepealed": false, "latestVersion": 1, "latestEffectiveAt": "2026-11-25T21:07:30.7051884+00:00", "repealEffectiveAt": null}, "regionCode": "411000", "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', '2026-11-25 19:07:42.921809+00', 'CatalogHub.ImplementationLists.ImplementationList', 3, '01a2141b-3339-7ed1-982f-27b3aff607e0');


--
-- Data for Name: mt_doc_implementation_list_repeal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_implementation_list_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_implementation_list_version VALUES ('01a2141b-4aa4-7e8c-9403-6857974835b8:1', '{"id": "01a2141b-4aa4-7e8c-9403-6857974835b8:1", "note": "按条例公布实施清单", "listId": "01a2141b-4aa4-7e8c-9403-6857974835b8", "content": {"fees": [], "free": true, "steps": [{"name": "受理", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十二条"}, "description": "窗口当场或者在五个工作日内作出是否受理的决定"}, {"name": "审查", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十四条"}, "description": "对申请材料进行审查，必要时进行现场核查"}, {"name": "决定", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十八条"}, "description": "作出准予或者不予许可的书面决定"}, {"name": "送达", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第四十四条"}, "description": "颁发食品经营许可证"}], "result": "食品经营许可证", "channels": ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"], "remedies": {"litigation": "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼", "reconsideration": "自知道之日起六十日内向许昌市人民政府申请行政复议"}, "materials": [{"form": "both", "name": "食品经营许可申请书", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "electronic", "name": "营业执照", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013338W001"}, {"form": "electronic", "name": "法定代表人居民身份证", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013127D001"}, {"form": "both", "name": "主要设备设施布局图及操作流程说明", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "食品安全管理制度文本", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "委托代理人授权委托书", "copies": 1, "source": "applicant", "required": false, "proofItemId": null, "licenceTypeCode": null}], "conditions": [{"text": "申请人已依法取得营业执照等合法主体资格", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}}, {"text": "具有与经营的食品品种、数量相适应的经营场所", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十三条第一款第一项"}}], "progressQuery": "河南政务服务网“办件查询”，或拨打12345政务服务便民热线", "reviewStandard": "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应", "serviceObjects": ["企业法人", "个体工商户", "其他组织"], "promisedLimitDays": 5, "statutoryLimitDays": 20, "intermediaryServices": null}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "citation": {"id": "01a2141b-4aa4-7e8c-9403-6857974835b8", "list": "implementation-list", "version": 1, "sequence": 32, "effectiveAt": "2026-11-25T21:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 32, "regionCode": "411000", "effectiveAt": "2026-11-25T21:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', '2026-11-25 19:07:42.921809+00', '01a2141b-4bc9-4d75-84ec-451d64b2be59', 'CatalogHub.ImplementationLists.ImplementationListVersion', '01a2141b-4aa4-7e8c-9403-6857974835b8', 1);


--
-- Data for Name: mt_doc_intermediary_service; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_intermediary_service_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_licence; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_licence VALUES ('01a2141b-4ef3-77f0-9f32-29a8bd10ca5a', '{"id": "01a2141b-4ef3-77f0-9f32-29a8bd10ca5a", "sealId": "01a2141b-4dd6-77f5-a30e-94f7bec696fb", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "changes": [], "validTo": "2031-11-25T21:47:30+00:00", "version": 1, "issuedAt": "2026-11-25T21:47:30.7051884+00:00", "typeCode": "SPJYXK", "holderRef": "h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e", "serialKey": "SPJYXK.11411000005327811H.2026000123", "signature": "MEQCICq1GZmLpqSp2hMMIPnfEK4Js5zgFHUHGCk7Jq74yWDBAiBRIoJoy4/ZYc9jX4Q5RJmwgvhLhLqEDChNbbp2rCnIpw==", "validFrom": "2026-11-25T21:46:30+00:00", "holderKind": "organisation", "identifier": "1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.L", "issuerCode": "11411000005327811H", "typeVersion": 1, "latestStatus": "valid", "sealedDocument": "FsnR9Xr0DJWTaMR+PbNHUxQyXUMCKiNRcH9lI+YOMI2tHRPMCy3YBpzmISdCT3UkuAIHj8gxb/QrVQB3E1hHoJ5fbWk2xzC08x0a0kL0w96ZH5RX0E0TNqgzPw9q7QLmIk2fRENy1VHL3T0f8V4zO9KG3NqR7mM1Uo3oJ0TH7HiqvdlIgWFGQiOrWaEZFB6kXZ6dq025a1TUhBzT4VUR7hHV9NeBoyip1EsCcHoGOqNINbLZPX3P7i6sXyGcMIQkDvgMXzMatp2jWsDPmPFbtN84KaNfEm1lk8x8MEv6g1RisqtLLiMrLBvDbWblFoDkHiTuTBwHZeO5StE0yuQ2bLtnnedYVGSR4X53PJuEab4YL1PWy2/w1e1PJ8eH6v4Qp8J5OO/o9oCwxWmtLA/RWAYDZ4k+D5lbFwF4upqsLkwHsyMavBl7w5XaP0xZUjMx2wfFv/SlR3ygVy49iAtrrcBgKFwhCv+4/dIaW7ctOgjtGAXgALRDkObJIQ2ehbRp0ulQmYUFItvtZb1PbVQFXqftaDWNIqQE/V8WwWHDYzaB7Vf1CnWhOFUJjYL8rQoRoUNhueZQzsbOJ/S/4KIy8HhC7sRJPLRQTnopwujroRsRHtXxK9WoxhtB2OtQoTDMx/fYw/3MOxw3RZLSVRian2Nr9h9FblgRmNxQr6C0fAufu3kWZcnZ6kUZS/NozzLTjg0dmzRDMZG5gc6U7xOI8xqRgVkVHbsWb+qqN8HWUvwHzkt6w9D9GQrgYqQ2fhSCViDwdvJFqJ4vLqBZMGAMDr8Ehn/it9f64kLaj73RBs2HhhzhxYnsPH5f7A26LA+jy9hElUbZJmQCz/7NXvGTeX6vgo0=", "earlierIdentifiers": [], "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:43.783693+00', 'CatalogHub.Sharing.Licences.Licence', 1, 'h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e', 'SPJYXK', '1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.L');


--
-- Data for Name: mt_doc_licence_type; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_licence_type VALUES ('01a2141b-40bb-78b3-89ee-8443eb8efbc3', '{"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "code": "SPJYXK", "draft": {"name": "食品经营许可证（2027年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 7, "lifecycle": {"stage": "drafting", "isRepealed": false, "latestVersion": 2, "latestEffectiveAt": "2026-11-27T19:07:30.7051884+00:00", "repealEffectiveAt": null}, "issuerCode": "11411000005327811H", "regionCode": "411000", "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:40.821303+00', 'CatalogHub.Sharing.LicenceTypes.LicenceType', 7);
INSERT INTO cataloghub.mt_doc_licence_type VALUES ('01a2141b-43b0-7d78-be2f-f2f8675d4f88', '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "code": "YPJYXK", "draft": {"name": "药品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "scope"], "properties": {"scope": {"type": "string"}, "warehouse": {"type": "string"}, "licenceNumber": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 4, "lifecycle": {"stage": "idle", "isRepealed": true, "latestVersion": 1, "latestEffectiveAt": "2026-11-25T20:07:30.7051884+00:00", "repealEffectiveAt": "2026-11-28T19:07:30.7051884+00:00"}, "issuerCode": "11411000005329034X", "regionCode": "411000", "ownerDepartmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', '2026-11-25 19:07:41.338627+00', 'CatalogHub.Sharing.LicenceTypes.LicenceType', 4);
INSERT INTO cataloghub.mt_doc_licence_type VALUES ('01a2141b-45a8-735e-b842-c4fabd0b85c2', '{"id": "01a2141b-45a8-735e-b842-c4fabd0b85c2", "code": "XZFDJZ", "draft": {"name": "小作坊登记证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 2, "lifecycle": {"stage": "withdrawn", "isRepealed": false, "latestVersion": 0, "latestEffectiveAt": null, "repealEffectiveAt": null}, "issuerCode": "11411000005327811H", "regionCode": "411000", "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:41.482474+00', 'CatalogHub.Sharing.LicenceTypes.LicenceType', 2);


--
-- Data for Name: mt_doc_licence_type_repeal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_licence_type_repeal VALUES ('01a2141b-43b0-7d78-be2f-f2f8675d4f88', '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "citation": {"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "list": "licence-catalogue", "basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "sequence": 21, "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}, "sequence": 21, "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}', '2026-11-25 19:07:41.338627+00', '01a2141b-4599-45a4-881e-745da034a8da', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeRepeal');


--
-- Data for Name: mt_doc_licence_type_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_licence_type_version VALUES ('01a2141b-40bb-78b3-89ee-8443eb8efbc3:1', '{"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3:1", "code": "SPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "citation": {"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "list": "licence-catalogue", "version": 1, "sequence": 13, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:07:30.7051884+00:00"}, "sequence": 13, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:07:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:40.53506+00', '01a2141b-4275-4df4-9be4-1d25464f691f', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeVersion', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 1);
INSERT INTO cataloghub.mt_doc_licence_type_version VALUES ('01a2141b-40bb-78b3-89ee-8443eb8efbc3:2', '{"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3:2", "code": "SPJYXK", "note": "启用2026年版证照", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证（2026年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 2, "citation": {"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "list": "licence-catalogue", "version": 2, "sequence": 16, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00"}, "sequence": 16, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '2026-11-25 19:07:40.80618+00', '01a2141b-4384-4aab-b0e4-029b3081123a', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeVersion', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 2);
INSERT INTO cataloghub.mt_doc_licence_type_version VALUES ('01a2141b-43b0-7d78-be2f-f2f8675d4f88:1', '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88:1", "code": "YPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "content": {"name": "药品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "scope"], "properties": {"scope": {"type": "string"}, "warehouse": {"type": "string"}, "licenceNumber": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "citation": {"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "list": "licence-catalogue", "version": 1, "sequence": 20, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00"}, "sequence": 20, "issuerCode": "11411000005329034X", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', '2026-11-25 19:07:40.880462+00', '01a2141b-43cf-4269-9cab-b5a426a6ad93', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeVersion', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', 1);


--
-- Data for Name: mt_doc_list_item_repeal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_promise; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_promise_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_proof_item; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_proof_item_version; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_seal; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_doc_seal VALUES ('01a2141b-4dd6-77f5-a30e-94f7bec696fb', '{"id": "01a2141b-4dd6-77f5-a30e-94f7bec696fb", "kind": "电子证照专用章", "name": "许昌市市场监督管理局电子证照专用章", "changes": [], "validTo": "2029-11-25T21:47:30.7051884+00:00", "version": 1, "algorithm": "SM2-SM3", "validFrom": "2026-11-25T21:47:30.7051884+00:00", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "latestStatus": "active", "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEmlaBZadwKg16oIUgqcF0hoYrm1Ib\nEYIcM1r+E7Nfbgr5+L5QkZAZ4ENP7fjOf4gsL248O2WQU2koxhZbGXA6WQ==\n-----END PUBLIC KEY-----\n", "departmentCode": "11411000005327811H"}', '2026-11-25 19:07:43.478586+00', 'CatalogHub.Sharing.Seals.Seal', 1, '11411000005327811H');


--
-- Data for Name: mt_doc_sealed_stream; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_subscription; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_doc_subscription_secret; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_event_progression; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_event_projection_floors; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_events; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_events VALUES (1, 'cc75affb-2f81-4acc-b45c-8c1f1e62a117', '01a2141b-31de-7cf2-9f7a-c97ae0282da3', 1, '{"code": "11411000005326026D", "name": "许昌市政务服务和大数据管理局", "roles": ["hub-admin", "catalogue-manager"], "regionCode": "411000", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3", "registeredAt": "2026-11-25T19:07:30.7051884+00:00", "registeredBy": "test-setup"}', NULL, 'department_registered', '2026-11-25 19:07:36.394696+00', '*DEFAULT*', 'CatalogHub.Departments.DepartmentRegistered, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (2, '03d3b5dc-b4ee-4980-9e0e-9fc6ebb13605', '01a2141b-31de-7cf2-9f7a-c97ae0282da3', 2, '{"keyId": "666595ddd964f131", "label": "test key", "keyHash": "557fa14eea0ab4c4a919fe6cb4624e9ffbcbc3b45aa8a2be63a3cbb788c090b4", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "issuedBy": "test-setup", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', NULL, 'api_key_issued', '2026-11-25 19:07:36.394696+00', '*DEFAULT*', 'CatalogHub.Departments.ApiKeyIssued, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (3, 'cb223ce9-b14f-49ea-b155-048d20bff476', '01a2141b-3339-7ed1-982f-27b3aff607e0', 1, '{"code": "11411000005327811H", "name": "许昌市市场监督管理局", "roles": ["service-department", "licence-issuer"], "regionCode": "411000", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "registeredAt": "2026-11-25T19:07:30.7051884+00:00", "registeredBy": "test-setup"}', NULL, 'department_registered', '2026-11-25 19:07:36.635209+00', '*DEFAULT*', 'CatalogHub.Departments.DepartmentRegistered, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (4, '8b603074-a796-4b97-a2b6-66dbd3cfa954', '01a2141b-3339-7ed1-982f-27b3aff607e0', 2, '{"keyId": "7efe3b97ea0b2f30", "label": "test key", "keyHash": "fcff3215e5d23ab99aee98e1b2201dcee7c840ac4ef4d4592347642dc114170e", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "issuedBy": "test-setup", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'api_key_issued', '2026-11-25 19:07:36.635209+00', '*DEFAULT*', 'CatalogHub.Departments.ApiKeyIssued, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (5, 'e750009c-40b4-476f-a13c-512946878f71', '01a2141b-3344-7841-a388-29afcf681571', 1, '{"code": "1141100000533099XB", "name": "许昌市人力资源和社会保障局", "roles": ["consumer"], "regionCode": "411000", "departmentId": "01a2141b-3344-7841-a388-29afcf681571", "registeredAt": "2026-11-25T19:07:30.7051884+00:00", "registeredBy": "test-setup"}', NULL, 'department_registered', '2026-11-25 19:07:36.64593+00', '*DEFAULT*', 'CatalogHub.Departments.DepartmentRegistered, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (6, '7eb6a077-3f3a-48ad-b1fd-e7fe61857b3e', '01a2141b-3344-7841-a388-29afcf681571', 2, '{"keyId": "2dc36cae2ece36ec", "label": "test key", "keyHash": "1804f5f7382018740988aefff2f484fd44eacfa5c99bc115eb6be2607cf4c08d", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "issuedBy": "test-setup", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "departmentId": "01a2141b-3344-7841-a388-29afcf681571"}', NULL, 'api_key_issued', '2026-11-25 19:07:36.64593+00', '*DEFAULT*', 'CatalogHub.Departments.ApiKeyIssued, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (7, '0f64e0c0-07c7-4316-85c0-b53036e6af13', '01a2141b-334f-7d95-9d2e-999d88cd83b6', 1, '{"code": "11411000005329034X", "name": "许昌市卫生健康委员会", "roles": ["service-department", "licence-issuer"], "regionCode": "411000", "departmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6", "registeredAt": "2026-11-25T19:07:30.7051884+00:00", "registeredBy": "test-setup"}', NULL, 'department_registered', '2026-11-25 19:07:36.656902+00', '*DEFAULT*', 'CatalogHub.Departments.DepartmentRegistered, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (8, 'da15070e-aa9c-4648-9837-664df8bc7ed5', '01a2141b-334f-7d95-9d2e-999d88cd83b6', 2, '{"keyId": "04bbd649cc283dd5", "label": "test key", "keyHash": "c22aaaa5e25a16a40340aa94d679777613b7707311a9c436658a7aae34a58ddf", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "issuedBy": "test-setup", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "departmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', NULL, 'api_key_issued', '2026-11-25 19:07:36.656902+00', '*DEFAULT*', 'CatalogHub.Departments.ApiKeyIssued, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (9, 'd3e9907f-dc24-46ae-8ec9-19e0ff67f7f0', '01a2141b-3388-7a51-898a-1dffd4c5a280', 1, '{"code": "114110000053295500", "name": "许昌市审计局", "roles": ["auditor"], "regionCode": "411000", "departmentId": "01a2141b-3388-7a51-898a-1dffd4c5a280", "registeredAt": "2026-11-25T19:07:30.7051884+00:00", "registeredBy": "test-setup"}', NULL, 'department_registered', '2026-11-25 19:07:36.719462+00', '*DEFAULT*', 'CatalogHub.Departments.DepartmentRegistered, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (10, 'de58a866-c09f-4eb1-8087-f6d645cfe007', '01a2141b-3388-7a51-898a-1dffd4c5a280', 2, '{"keyId": "6c65380cc2cf2030", "label": "test key", "keyHash": "ad14d2cd51bfd31f64923700ae3f42a441ede7380b5500999561e740d3909c75", "issuedAt": "2026-11-25T19:07:30.7051884+00:00", "issuedBy": "test-setup", "expiresAt": "2026-12-25T19:07:30.7051884+00:00", "departmentId": "01a2141b-3388-7a51-898a-1dffd4c5a280"}', NULL, 'api_key_issued', '2026-11-25 19:07:36.719462+00', '*DEFAULT*', 'CatalogHub.Departments.ApiKeyIssued, CatalogHub', NULL, NULL, NULL, 'test-setup', false);
INSERT INTO cataloghub.mt_events VALUES (11, 'fa90858a-16a8-4e4d-9b0f-0d033539cc5f', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 1, '{"code": "SPJYXK", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "draftedAt": "2026-11-25T19:07:30.7051884+00:00", "draftedBy": "11411000005327811H", "issuerCode": "11411000005327811H", "regionCode": "411000", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'licence_type_drafted', '2026-11-25 19:07:40.095182+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDrafted, CatalogHub', '0HNQB4TF4T7A0', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "编制电子证照目录", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (12, 'ef8c0526-8393-412e-b189-4c542bc6a03e', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 2, '{"typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "submittedAt": "2026-11-25T19:07:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'licence_type_submitted_for_review', '2026-11-25 19:07:40.395174+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeSubmittedForReview, CatalogHub', '0HNQB4TF4T7A1', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (13, '27d54cce-6559-45d4-8981-eec6a1633902', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 3, '{"code": "SPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:07:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'licence_type_published', '2026-11-25 19:07:40.512305+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypePublished, CatalogHub', '0HNQB4TF4T7A2', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (14, '499fe477-8d9c-4dff-b0c9-4c7869a2d131', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 4, '{"typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证（2026年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "revisedAt": "2026-11-25T19:17:30.7051884+00:00", "revisedBy": "11411000005327811H"}', NULL, 'licence_type_draft_revised', '2026-11-25 19:07:40.726967+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDraftRevised, CatalogHub', '0HNQB4TF4T7A3', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "按新版证照样式调整", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (16, '66f5bfa9-6c8a-48ba-8c1a-6135b487993b', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 6, '{"code": "SPJYXK", "note": "启用2026年版证照", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证（2026年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 2, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'licence_type_published', '2026-11-25 19:07:40.798004+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypePublished, CatalogHub', '0HNQB4TF4T7A5', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (18, 'b1a80e0f-9363-47f7-8af4-2ef87203a82d', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', 1, '{"code": "YPJYXK", "typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "content": {"name": "药品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "scope"], "properties": {"scope": {"type": "string"}, "warehouse": {"type": "string"}, "licenceNumber": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "draftedAt": "2026-11-25T19:17:30.7051884+00:00", "draftedBy": "11411000005329034X", "issuerCode": "11411000005329034X", "regionCode": "411000", "issuerDepartmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', NULL, 'licence_type_drafted', '2026-11-25 19:07:40.849767+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDrafted, CatalogHub', '0HNQB4TF4T7A7', NULL, '{"keyId": "04bbd649cc283dd5", "reason": "编制电子证照目录", "departmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', '11411000005329034X', false);
INSERT INTO cataloghub.mt_events VALUES (20, 'a051f011-6880-4416-851c-817fe4fe3e7f', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', 3, '{"code": "YPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "content": {"name": "药品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "scope"], "properties": {"scope": {"type": "string"}, "warehouse": {"type": "string"}, "licenceNumber": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "issuerCode": "11411000005329034X", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', NULL, 'licence_type_published', '2026-11-25 19:07:40.875167+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypePublished, CatalogHub', '0HNQB4TF4T7A9', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (21, 'a3941867-805d-4576-bf86-e85906598529', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', 4, '{"basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}', NULL, 'licence_type_repealed', '2026-11-25 19:07:41.314735+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeRepealed, CatalogHub', '0HNQB4TF4T7AA', NULL, '{"keyId": "666595ddd964f131", "reason": "证照整合", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (23, '67e33bc5-93ac-4837-8e30-9463b3cade48', '01a2141b-45a8-735e-b842-c4fabd0b85c2', 2, '{"typeId": "01a2141b-45a8-735e-b842-c4fabd0b85c2", "withdrawnAt": "2026-11-25T19:27:30.7051884+00:00", "withdrawnBy": "11411000005327811H"}', NULL, 'licence_type_draft_withdrawn', '2026-11-25 19:07:41.4628+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDraftWithdrawn, CatalogHub', '0HNQB4TF4T7AC', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "编制有误，撤回", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (26, '6f4a96f1-5879-4fe0-b731-44ff9a3d0985', '01a2141b-4707-7140-aa07-97a0cacfdbba', 3, '{"note": "按条例公布", "content": {"name": "食品经营许可", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "itemCode": "000147011000", "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:27:30.7051884+00:00", "publishedBy": "11411000005326026D"}', NULL, 'entry_published', '2026-11-25 19:07:42.073279+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryPublished, CatalogHub', '0HNQB4TF4T7AF', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (29, 'c76ed0b1-bd98-4403-bb40-6ced76f06ba4', '01a2141b-4707-7140-aa07-97a0cacfdbba', 6, '{"note": "按条例公布", "content": {"name": "食品经营许可（含仅销售预包装食品备案）", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 2, "itemCode": "000147011000", "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', NULL, 'entry_published', '2026-11-25 19:07:42.487133+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryPublished, CatalogHub', '0HNQB4TF4T7AI', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (15, 'e79eb655-c704-40d2-abe4-e34057b53f15', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 5, '{"typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "submittedAt": "2026-11-25T19:17:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'licence_type_submitted_for_review', '2026-11-25 19:07:40.765935+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeSubmittedForReview, CatalogHub', '0HNQB4TF4T7A4', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (17, 'ea38197b-6ad0-46c8-a5f3-de24bb7540e2', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', 7, '{"typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证（2027年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "revisedAt": "2026-11-25T19:17:30.7051884+00:00", "revisedBy": "11411000005327811H"}', NULL, 'licence_type_draft_revised', '2026-11-25 19:07:40.816541+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDraftRevised, CatalogHub', '0HNQB4TF4T7A6', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "拟调整证照样式", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (19, 'b4ea7c29-710d-43ff-b6f0-46ce71eeca2f', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', 2, '{"typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "submittedAt": "2026-11-25T19:17:30.7051884+00:00", "submittedBy": "11411000005329034X"}', NULL, 'licence_type_submitted_for_review', '2026-11-25 19:07:40.864686+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeSubmittedForReview, CatalogHub', '0HNQB4TF4T7A8', NULL, '{"keyId": "04bbd649cc283dd5", "reason": "提交审核", "departmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}', '11411000005329034X', false);
INSERT INTO cataloghub.mt_events VALUES (22, '7bf7f9f7-09a1-45eb-ab28-74f4d6042265', '01a2141b-45a8-735e-b842-c4fabd0b85c2', 1, '{"code": "XZFDJZ", "typeId": "01a2141b-45a8-735e-b842-c4fabd0b85c2", "content": {"name": "小作坊登记证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "draftedAt": "2026-11-25T19:27:30.7051884+00:00", "draftedBy": "11411000005327811H", "issuerCode": "11411000005327811H", "regionCode": "411000", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'licence_type_drafted', '2026-11-25 19:07:41.353489+00', '*DEFAULT*', 'CatalogHub.Sharing.LicenceTypes.LicenceTypeDrafted, CatalogHub', '0HNQB4TF4T7AB', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "编制电子证照目录", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (24, '29ffa3df-ba68-46b5-98fc-5c9f67a7de88', '01a2141b-4707-7140-aa07-97a0cacfdbba', 1, '{"content": {"name": "食品经营许可", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "itemCode": "000147011000", "draftedAt": "2026-11-25T19:27:30.7051884+00:00", "draftedBy": "11411000005327811H", "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', NULL, 'entry_drafted', '2026-11-25 19:07:41.706905+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryDrafted, CatalogHub', '0HNQB4TF4T7AD', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "依据《许昌市政务服务条例》第十三条编制基本目录", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (25, 'bacf17f6-690b-4275-be15-981036879c12', '01a2141b-4707-7140-aa07-97a0cacfdbba', 2, '{"entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "submittedAt": "2026-11-25T19:27:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'entry_submitted_for_review', '2026-11-25 19:07:41.937723+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntrySubmittedForReview, CatalogHub', '0HNQB4TF4T7AE', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (27, 'ce534b00-f67d-4fed-bc12-b46a11895408', '01a2141b-4707-7140-aa07-97a0cacfdbba', 4, '{"content": {"name": "食品经营许可（含仅销售预包装食品备案）", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "revisedAt": "2026-11-25T19:37:30.7051884+00:00", "revisedBy": "11411000005327811H"}', NULL, 'entry_draft_revised', '2026-11-25 19:07:42.443897+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryDraftRevised, CatalogHub', '0HNQB4TF4T7AG', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "法律修订后调整", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (28, 'b6b34732-218d-49bb-916f-9140e134bc45', '01a2141b-4707-7140-aa07-97a0cacfdbba', 5, '{"entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "submittedAt": "2026-11-25T19:37:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'entry_submitted_for_review', '2026-11-25 19:07:42.477418+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntrySubmittedForReview, CatalogHub', '0HNQB4TF4T7AH', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (31, '41841d17-2ab2-4012-a544-5b7a5e86e778', '01a2141b-4aa4-7e8c-9403-6857974835b8', 2, '{"listId": "01a2141b-4aa4-7e8c-9403-6857974835b8", "submittedAt": "2026-11-25T19:37:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'implementation_list_submitted_for_review', '2026-11-25 19:07:42.782227+00', '*DEFAULT*', 'CatalogHub.ImplementationLists.ImplementationListSubmittedForReview, CatalogHub', '0HNQB4TF4T7AK', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (32, 'fd039777-67cd-4ff5-b5bf-5b3020e75799', '01a2141b-4aa4-7e8c-9403-6857974835b8', 3, '{"note": "按条例公布实施清单", "listId": "01a2141b-4aa4-7e8c-9403-6857974835b8", "content": {"fees": [], "free": true, "steps": [{"name": "受理", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十二条"}, "description": "窗口当场或者在五个工作日内作出是否受理的决定"}, {"name": "审查", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十四条"}, "description": "对申请材料进行审查，必要时进行现场核查"}, {"name": "决定", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十八条"}, "description": "作出准予或者不予许可的书面决定"}, {"name": "送达", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第四十四条"}, "description": "颁发食品经营许可证"}], "result": "食品经营许可证", "channels": ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"], "remedies": {"litigation": "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼", "reconsideration": "自知道之日起六十日内向许昌市人民政府申请行政复议"}, "materials": [{"form": "both", "name": "食品经营许可申请书", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "electronic", "name": "营业执照", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013338W001"}, {"form": "electronic", "name": "法定代表人居民身份证", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013127D001"}, {"form": "both", "name": "主要设备设施布局图及操作流程说明", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "食品安全管理制度文本", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "委托代理人授权委托书", "copies": 1, "source": "applicant", "required": false, "proofItemId": null, "licenceTypeCode": null}], "conditions": [{"text": "申请人已依法取得营业执照等合法主体资格", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}}, {"text": "具有与经营的食品品种、数量相适应的经营场所", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十三条第一款第一项"}}], "progressQuery": "河南政务服务网“办件查询”，或拨打12345政务服务便民热线", "reviewStandard": "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应", "serviceObjects": ["企业法人", "个体工商户", "其他组织"], "promisedLimitDays": 5, "statutoryLimitDays": 20, "intermediaryServices": null}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "itemCode": "000147011000", "regionCode": "411000", "effectiveAt": "2026-11-25T21:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', NULL, 'implementation_list_published', '2026-11-25 19:07:42.898851+00', '*DEFAULT*', 'CatalogHub.ImplementationLists.ImplementationListPublished, CatalogHub', '0HNQB4TF4T7AL', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (34, 'a847b7bd-cd89-49db-87df-05652822e75e', '01a2141b-4be4-7784-a257-81e506525612', 2, '{"entryId": "01a2141b-4be4-7784-a257-81e506525612", "submittedAt": "2026-11-25T19:37:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'entry_submitted_for_review', '2026-11-25 19:07:42.956599+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntrySubmittedForReview, CatalogHub', '0HNQB4TF4T7AN', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (30, 'e3a8cc25-71e4-4823-8b39-602f98bd75df', '01a2141b-4aa4-7e8c-9403-6857974835b8', 1, '{"listId": "01a2141b-4aa4-7e8c-9403-6857974835b8", "content": {"fees": [], "free": true, "steps": [{"name": "受理", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十二条"}, "description": "窗口当场或者在五个工作日内作出是否受理的决定"}, {"name": "审查", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十四条"}, "description": "对申请材料进行审查，必要时进行现场核查"}, {"name": "决定", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十八条"}, "description": "作出准予或者不予许可的书面决定"}, {"name": "送达", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第四十四条"}, "description": "颁发食品经营许可证"}], "result": "食品经营许可证", "channels": ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"], "remedies": {"litigation": "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼", "reconsideration": "自知道之日起六十日内向许昌市人民政府申请行政复议"}, "materials": [{"form": "both", "name": "食品经营许可申请书", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "electronic", "name": "营业执照", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013338W001"}, {"form": "electronic", "name": "法定代表人居民身份证", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013127D001"}, {"form": "both", "name": "主要设备设施布局图及操作流程说明", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "食品安全管理制度文本", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "委托代理人授权委托书", "copies": 1, "source": "applicant", "required": false, "proofItemId": null, "licenceTypeCode": null}], "conditions": [{"text": "申请人已依法取得营业执照等合法主体资格", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}}, {"text": "具有与经营的食品品种、数量相适应的经营场所", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十三条第一款第一项"}}], "progressQuery": "河南政务服务网“办件查询”，或拨打12345政务服务便民热线", "reviewStandard": "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应", "serviceObjects": ["企业法人", "个体工商户", "其他组织"], "promisedLimitDays": 5, "statutoryLimitDays": 20, "intermediaryServices": null}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "itemCode": "000147011000", "draftedAt": "2026-11-25T19:37:30.7051884+00:00", "draftedBy": "11411000005327811H", "regionCode": "411000", "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', NULL, 'implementation_list_drafted', '2026-11-25 19:07:42.630955+00', '*DEFAULT*', 'CatalogHub.ImplementationLists.ImplementationListDrafted, CatalogHub', '0HNQB4TF4T7AJ', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "依据《许昌市政务服务条例》第十四条编制实施清单", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (33, '1713509e-312f-45bb-9dc7-e5838b5dad57', '01a2141b-4be4-7784-a257-81e506525612', 1, '{"content": {"name": "一次性创业补贴申领", "category": "公共服务", "legalBases": [{"level": "法律", "title": "中华人民共和国就业促进法", "article": "第十五条"}, {"level": "规范性文件", "title": "河南省就业创业补贴管理办法", "article": "第八条"}], "externalSourceId": null, "competentDepartment": "许昌市人力资源和社会保障局", "implementingAuthority": "许昌市人力资源和社会保障局"}, "entryId": "01a2141b-4be4-7784-a257-81e506525612", "itemCode": "000109008000", "draftedAt": "2026-11-25T19:37:30.7051884+00:00", "draftedBy": "11411000005327811H", "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', NULL, 'entry_drafted', '2026-11-25 19:07:42.948777+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryDrafted, CatalogHub', '0HNQB4TF4T7AM', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "依据《许昌市政务服务条例》第十三条编制基本目录", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (35, '47559213-8c70-4a1e-b427-ca12e4020f85', '01a2141b-4be4-7784-a257-81e506525612', 3, '{"note": "按条例公布", "content": {"name": "一次性创业补贴申领", "category": "公共服务", "legalBases": [{"level": "法律", "title": "中华人民共和国就业促进法", "article": "第十五条"}, {"level": "规范性文件", "title": "河南省就业创业补贴管理办法", "article": "第八条"}], "externalSourceId": null, "competentDepartment": "许昌市人力资源和社会保障局", "implementingAuthority": "许昌市人力资源和社会保障局"}, "entryId": "01a2141b-4be4-7784-a257-81e506525612", "version": 1, "itemCode": "000109008000", "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', NULL, 'entry_published', '2026-11-25 19:07:42.965171+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryPublished, CatalogHub', '0HNQB4TF4T7AO', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (36, 'd90b8adc-d73d-45ba-8931-0c4f7a2395f3', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', 1, '{"content": {"name": "食品小作坊登记", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "itemCode": "000147099000", "draftedAt": "2026-11-25T19:37:30.7051884+00:00", "draftedBy": "11411000005327811H", "regionCode": "411000", "derivedFrom": null, "ownerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "ownerDepartmentCode": "11411000005327811H"}', NULL, 'entry_drafted', '2026-11-25 19:07:42.993198+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryDrafted, CatalogHub', '0HNQB4TF4T7AP', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "依据《许昌市政务服务条例》第十三条编制基本目录", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (38, 'd3591fc0-64c8-41d0-9bf5-0da5b49ff3ea', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', 3, '{"note": "按条例公布", "content": {"name": "食品小作坊登记", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "version": 1, "itemCode": "000147099000", "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}', NULL, 'entry_published', '2026-11-25 19:07:43.016579+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryPublished, CatalogHub', '0HNQB4TF4T7AR', NULL, '{"keyId": "666595ddd964f131", "reason": "经审核同意公布", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (41, 'cdf16fb2-f5a9-452e-acef-8355f327957e', '01a2141b-4ef3-77f0-9f32-29a8bd10ca5a', 1, '{"sealId": "01a2141b-4dd6-77f5-a30e-94f7bec696fb", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "validTo": "2031-11-25T21:47:30+00:00", "issuedAt": "2026-11-25T21:47:30.7051884+00:00", "issuedBy": "11411000005327811H", "typeCode": "SPJYXK", "holderRef": "h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e", "licenceId": "01a2141b-4ef3-77f0-9f32-29a8bd10ca5a", "serialKey": "SPJYXK.11411000005327811H.2026000123", "signature": "MEQCICq1GZmLpqSp2hMMIPnfEK4Js5zgFHUHGCk7Jq74yWDBAiBRIoJoy4/ZYc9jX4Q5RJmwgvhLhLqEDChNbbp2rCnIpw==", "validFrom": "2026-11-25T21:46:30+00:00", "holderKind": "organisation", "identifier": "1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.L", "issuerCode": "11411000005327811H", "typeVersion": 1, "sealedDocument": "FsnR9Xr0DJWTaMR+PbNHUxQyXUMCKiNRcH9lI+YOMI2tHRPMCy3YBpzmISdCT3UkuAIHj8gxb/QrVQB3E1hHoJ5fbWk2xzC08x0a0kL0w96ZH5RX0E0TNqgzPw9q7QLmIk2fRENy1VHL3T0f8V4zO9KG3NqR7mM1Uo3oJ0TH7HiqvdlIgWFGQiOrWaEZFB6kXZ6dq025a1TUhBzT4VUR7hHV9NeBoyip1EsCcHoGOqNINbLZPX3P7i6sXyGcMIQkDvgMXzMatp2jWsDPmPFbtN84KaNfEm1lk8x8MEv6g1RisqtLLiMrLBvDbWblFoDkHiTuTBwHZeO5StE0yuQ2bLtnnedYVGSR4X53PJuEab4YL1PWy2/w1e1PJ8eH6v4Qp8J5OO/o9oCwxWmtLA/RWAYDZ4k+D5lbFwF4upqsLkwHsyMavBl7w5XaP0xZUjMx2wfFv/SlR3ygVy49iAtrrcBgKFwhCv+4/dIaW7ctOgjtGAXgALRDkObJIQ2ehbRp0ulQmYUFItvtZb1PbVQFXqftaDWNIqQE/V8WwWHDYzaB7Vf1CnWhOFUJjYL8rQoRoUNhueZQzsbOJ/S/4KIy8HhC7sRJPLRQTnopwujroRsRHtXxK9WoxhtB2OtQoTDMx/fYw/3MOxw3RZLSVRian2Nr9h9FblgRmNxQr6C0fAufu3kWZcnZ6kUZS/NozzLTjg0dmzRDMZG5gc6U7xOI8xqRgVkVHbsWb+qqN8HWUvwHzkt6w9D9GQrgYqQ2fhSCViDwdvJFqJ4vLqBZMGAMDr8Ehn/it9f64kLaj73RBs2HhhzhxYnsPH5f7A26LA+jy9hElUbZJmQCz/7NXvGTeX6vgo0=", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', NULL, 'licence_issued', '2026-11-25 19:07:43.750106+00', '*DEFAULT*', 'CatalogHub.Sharing.Licences.LicenceIssued, CatalogHub', '0HNQB4TF4T7AU', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "准予食品经营许可", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (37, '7cfc7605-169e-405e-ac8b-63ef9baa1757', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', 2, '{"entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "submittedAt": "2026-11-25T19:37:30.7051884+00:00", "submittedBy": "11411000005327811H"}', NULL, 'entry_submitted_for_review', '2026-11-25 19:07:43.004298+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntrySubmittedForReview, CatalogHub', '0HNQB4TF4T7AQ', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "提交审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (39, '83171395-7c23-435d-a977-5d2a4c57316e', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', 4, '{"basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}', NULL, 'entry_repealed', '2026-11-25 19:07:43.143468+00', '*DEFAULT*', 'CatalogHub.Catalogue.EntryRepealed, CatalogHub', '0HNQB4TF4T7AS', NULL, '{"keyId": "666595ddd964f131", "reason": "事项调整", "departmentId": "01a2141b-31de-7cf2-9f7a-c97ae0282da3"}', '11411000005326026D', false);
INSERT INTO cataloghub.mt_events VALUES (40, '1fc62122-0a07-4a4e-8fd2-95a0024fd717', '01a2141b-4dd6-77f5-a30e-94f7bec696fb', 1, '{"kind": "电子证照专用章", "name": "许昌市市场监督管理局电子证照专用章", "sealId": "01a2141b-4dd6-77f5-a30e-94f7bec696fb", "validTo": "2029-11-25T21:47:30.7051884+00:00", "algorithm": "SM2-SM3", "validFrom": "2026-11-25T21:47:30.7051884+00:00", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0", "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEmlaBZadwKg16oIUgqcF0hoYrm1Ib\nEYIcM1r+E7Nfbgr5+L5QkZAZ4ENP7fjOf4gsL248O2WQU2koxhZbGXA6WQ==\n-----END PUBLIC KEY-----\n", "registeredAt": "2026-11-25T21:47:30.7051884+00:00", "registeredBy": "11411000005327811H", "departmentCode": "11411000005327811H"}', NULL, 'seal_registered', '2026-11-25 19:07:43.450434+00', '*DEFAULT*', 'CatalogHub.Sharing.Seals.SealRegistered, CatalogHub', '0HNQB4TF4T7AT', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "启用电子印章", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (42, '05f2af8f-0761-448f-b79c-1d09f0844fda', '01a2141b-4fbc-7547-bb05-d466513fca8d', 1, '{"fields": ["licenceNumber", "premises"], "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "grantId": "01a2141b-4fbc-7547-bb05-d466513fca8d", "typeCode": "SPJYXK", "grantedAt": "2026-11-25T21:47:30.7051884+00:00", "grantedBy": "11411000005327811H", "validFrom": "2026-11-25T21:47:30.7051884+00:00", "validUntil": "2027-11-25T21:47:30.7051884+00:00", "consumerCode": "1141100000533099XB", "purposeItemIds": ["01a2141b-4be4-7784-a257-81e506525612"], "consumerDepartmentId": "01a2141b-3344-7841-a388-29afcf681571"}', NULL, 'grant_issued', '2026-11-25 19:07:43.9365+00', '*DEFAULT*', 'CatalogHub.Sharing.Grants.GrantIssued, CatalogHub', '0HNQB4TF4T7AV', NULL, '{"keyId": "7efe3b97ea0b2f30", "reason": "共享食品经营许可证用于创业补贴审核", "departmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}', '11411000005327811H', false);
INSERT INTO cataloghub.mt_events VALUES (43, 'b34ed958-37a6-4dbe-80c2-073a73316871', '01a2141b-5045-71dd-b6ed-cc73373a1c11', 1, '{"at": "2026-11-25T21:47:30.7051884+00:00", "keyId": "2dc36cae2ece36ec", "fields": ["licenceNumber", "premises"], "grantId": "01a2141b-4fbc-7547-bb05-d466513fca8d", "outcome": "allowed", "accessId": "01a2141b-5045-71dd-b6ed-cc73373a1c11", "typeCode": "SPJYXK", "holderRef": "h_db980d2d5970f1d178d27c65a3a67f7788150284ee17460cbdc0eb435c7ded2e", "licenceIds": ["01a2141b-4ef3-77f0-9f32-29a8bd10ca5a"], "reasonCode": null, "identifiers": ["1.2.156.3005.2.SPJYXK.11411000005327811H.2026000123.001.L"], "consumerCode": "1141100000533099XB", "purposeItemId": "01a2141b-4be4-7784-a257-81e506525612", "purposeCitation": {"id": "01a2141b-4be4-7784-a257-81e506525612", "list": "base-catalogue", "version": 1, "sequence": 35, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "purposeItemName": "一次性创业补贴申领", "consumerDepartmentId": "01a2141b-3344-7841-a388-29afcf681571"}', NULL, 'licence_data_accessed', '2026-11-25 19:07:44.089213+00', '*DEFAULT*', 'CatalogHub.Sharing.AccessLog.LicenceDataAccessed, CatalogHub', '0HNQB4TF4T7B0', NULL, '{"keyId": "2dc36cae2ece36ec", "reason": "用证事由 01a2141b-4be4-7784-a257-81e506525612", "departmentId": "01a2141b-3344-7841-a388-29afcf681571"}', '1141100000533099XB', false);


--
-- Data for Name: mt_high_water_skips; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_hilo; Type: TABLE DATA; Schema: cataloghub; Owner: -
--



--
-- Data for Name: mt_streams; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-31de-7cf2-9f7a-c97ae0282da3', 'department', 2, '2026-11-25 19:07:36.619334+00', '2026-11-25 19:07:36.619334+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-3339-7ed1-982f-27b3aff607e0', 'department', 2, '2026-11-25 19:07:36.637787+00', '2026-11-25 19:07:36.637787+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-3344-7841-a388-29afcf681571', 'department', 2, '2026-11-25 19:07:36.647207+00', '2026-11-25 19:07:36.647207+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-334f-7d95-9d2e-999d88cd83b6', 'department', 2, '2026-11-25 19:07:36.658353+00', '2026-11-25 19:07:36.658353+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-3388-7a51-898a-1dffd4c5a280', 'department', 2, '2026-11-25 19:07:36.721572+00', '2026-11-25 19:07:36.721572+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-40bb-78b3-89ee-8443eb8efbc3', 'licence_type', 7, '2026-11-25 19:07:40.108301+00', '2026-11-25 19:07:40.108301+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-43b0-7d78-be2f-f2f8675d4f88', 'licence_type', 4, '2026-11-25 19:07:40.855769+00', '2026-11-25 19:07:40.855769+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-45a8-735e-b842-c4fabd0b85c2', 'licence_type', 2, '2026-11-25 19:07:41.354742+00', '2026-11-25 19:07:41.354742+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4707-7140-aa07-97a0cacfdbba', 'entry', 6, '2026-11-25 19:07:41.720616+00', '2026-11-25 19:07:41.720616+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4aa4-7e8c-9403-6857974835b8', 'implementation_list', 3, '2026-11-25 19:07:42.656875+00', '2026-11-25 19:07:42.656875+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4be4-7784-a257-81e506525612', 'entry', 3, '2026-11-25 19:07:42.950118+00', '2026-11-25 19:07:42.950118+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4c10-7ef5-b68a-55870a15d8c2', 'entry', 4, '2026-11-25 19:07:42.9946+00', '2026-11-25 19:07:42.9946+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4dd6-77f5-a30e-94f7bec696fb', 'seal', 1, '2026-11-25 19:07:43.478586+00', '2026-11-25 19:07:43.478586+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4ef3-77f0-9f32-29a8bd10ca5a', 'licence', 1, '2026-11-25 19:07:43.783693+00', '2026-11-25 19:07:43.783693+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-4fbc-7547-bb05-d466513fca8d', 'grant', 1, '2026-11-25 19:07:43.954154+00', '2026-11-25 19:07:43.954154+00', '*DEFAULT*', 0, false);
INSERT INTO cataloghub.mt_streams VALUES ('01a2141b-5045-71dd-b6ed-cc73373a1c11', NULL, 1, '2026-11-25 19:07:44.12223+00', '2026-11-25 19:07:44.12223+00', '*DEFAULT*', 0, false);


--
-- Data for Name: publication_changes; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.publication_changes VALUES ('134944', 11, 'licence-catalogue', 'drafted', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', '411000', 'SPJYXK', '2026-11-25 19:07:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134946', 13, 'licence-catalogue', 'published', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', NULL, 'SPJYXK', '2026-11-25 19:07:30.705188+00', '{"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3:1", "code": "SPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "citation": {"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "list": "licence-catalogue", "version": 1, "sequence": 13, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:07:30.7051884+00:00"}, "sequence": 13, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:07:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}');
INSERT INTO cataloghub.publication_changes VALUES ('134949', 16, 'licence-catalogue', 'published', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', NULL, 'SPJYXK', '2026-11-25 19:17:30.705188+00', '{"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3:2", "code": "SPJYXK", "note": "启用2026年版证照", "typeId": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "content": {"name": "食品经营许可证（2026年版）", "faceSchema": {"type": "object", "required": ["licenceNumber", "premises", "mainBusiness", "items"], "properties": {"items": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "premises": {"type": "string", "maxLength": 200}, "mainBusiness": {"enum": ["食品销售经营者", "餐饮服务经营者", "单位食堂"]}, "licenceNumber": {"type": "string", "pattern": "^JY[0-9]{14}$"}, "legalRepresentative": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 2, "citation": {"id": "01a2141b-40bb-78b3-89ee-8443eb8efbc3", "list": "licence-catalogue", "version": 2, "sequence": 16, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00"}, "sequence": 16, "issuerCode": "11411000005327811H", "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-3339-7ed1-982f-27b3aff607e0"}');
INSERT INTO cataloghub.publication_changes VALUES ('134951', 18, 'licence-catalogue', 'drafted', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', '411000', 'YPJYXK', '2026-11-25 19:17:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134953', 20, 'licence-catalogue', 'published', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', NULL, 'YPJYXK', '2026-11-25 19:17:30.705188+00', '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88:1", "code": "YPJYXK", "note": "纳入电子证照目录", "typeId": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "content": {"name": "药品经营许可证", "faceSchema": {"type": "object", "required": ["licenceNumber", "scope"], "properties": {"scope": {"type": "string"}, "warehouse": {"type": "string"}, "licenceNumber": {"type": "string"}}, "additionalProperties": false}, "holderKind": "organisation"}, "version": 1, "citation": {"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "list": "licence-catalogue", "version": 1, "sequence": 20, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00"}, "sequence": 20, "issuerCode": "11411000005329034X", "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:17:30.7051884+00:00", "publishedBy": "11411000005326026D", "issuerDepartmentId": "01a2141b-334f-7d95-9d2e-999d88cd83b6"}');
INSERT INTO cataloghub.publication_changes VALUES ('134954', 21, 'licence-catalogue', 'repealed', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', NULL, NULL, '2026-11-25 19:27:30.705188+00', '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "list": "licence-catalogue", "basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "sequence": 21, "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}');
INSERT INTO cataloghub.publication_changes VALUES ('134955', 22, 'licence-catalogue', 'drafted', '01a2141b-45a8-735e-b842-c4fabd0b85c2', '411000', 'XZFDJZ', '2026-11-25 19:27:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134956', 23, 'licence-catalogue', 'withdrawn', '01a2141b-45a8-735e-b842-c4fabd0b85c2', NULL, NULL, '2026-11-25 19:27:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134957', 24, 'base-catalogue', 'drafted', '01a2141b-4707-7140-aa07-97a0cacfdbba', '411000', '000147011000', '2026-11-25 19:27:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134959', 26, 'base-catalogue', 'published', '01a2141b-4707-7140-aa07-97a0cacfdbba', '411000', '000147011000', '2026-11-25 19:27:30.705188+00', '{"id": "01a2141b-4707-7140-aa07-97a0cacfdbba:1", "note": "按条例公布", "content": {"name": "食品经营许可", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "citation": {"id": "01a2141b-4707-7140-aa07-97a0cacfdbba", "list": "base-catalogue", "version": 1, "sequence": 26, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:27:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 26, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:27:30.7051884+00:00", "publishedBy": "11411000005326026D"}');
INSERT INTO cataloghub.publication_changes VALUES ('134963', 29, 'base-catalogue', 'published', '01a2141b-4707-7140-aa07-97a0cacfdbba', '411000', '000147011000', '2026-11-25 19:37:30.705188+00', '{"id": "01a2141b-4707-7140-aa07-97a0cacfdbba:2", "note": "按条例公布", "content": {"name": "食品经营许可（含仅销售预包装食品备案）", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 2, "citation": {"id": "01a2141b-4707-7140-aa07-97a0cacfdbba", "list": "base-catalogue", "version": 2, "sequence": 29, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 29, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-27T19:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}');
INSERT INTO cataloghub.publication_changes VALUES ('134965', 30, 'implementation-list', 'drafted', '01a2141b-4aa4-7e8c-9403-6857974835b8', '411000', '000147011000', '2026-11-25 19:37:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134967', 32, 'implementation-list', 'published', '01a2141b-4aa4-7e8c-9403-6857974835b8', '411000', '000147011000', '2026-11-25 19:37:30.705188+00', '{"id": "01a2141b-4aa4-7e8c-9403-6857974835b8:1", "note": "按条例公布实施清单", "listId": "01a2141b-4aa4-7e8c-9403-6857974835b8", "content": {"fees": [], "free": true, "steps": [{"name": "受理", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十二条"}, "description": "窗口当场或者在五个工作日内作出是否受理的决定"}, {"name": "审查", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十四条"}, "description": "对申请材料进行审查，必要时进行现场核查"}, {"name": "决定", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第三十八条"}, "description": "作出准予或者不予许可的书面决定"}, {"name": "送达", "basis": {"level": "法律", "title": "中华人民共和国行政许可法", "article": "第四十四条"}, "description": "颁发食品经营许可证"}], "result": "食品经营许可证", "channels": ["许昌市政务服务中心市场监管窗口", "河南政务服务网（许昌市站点）"], "remedies": {"litigation": "自知道之日起六个月内向许昌市魏都区人民法院提起行政诉讼", "reconsideration": "自知道之日起六十日内向许昌市人民政府申请行政复议"}, "materials": [{"form": "both", "name": "食品经营许可申请书", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "electronic", "name": "营业执照", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013338W001"}, {"form": "electronic", "name": "法定代表人居民身份证", "copies": 1, "source": "e-licence", "required": true, "proofItemId": null, "licenceTypeCode": "11100000000013127D001"}, {"form": "both", "name": "主要设备设施布局图及操作流程说明", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "食品安全管理制度文本", "copies": 1, "source": "applicant", "required": true, "proofItemId": null, "licenceTypeCode": null}, {"form": "both", "name": "委托代理人授权委托书", "copies": 1, "source": "applicant", "required": false, "proofItemId": null, "licenceTypeCode": null}], "conditions": [{"text": "申请人已依法取得营业执照等合法主体资格", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}}, {"text": "具有与经营的食品品种、数量相适应的经营场所", "basis": {"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十三条第一款第一项"}}], "progressQuery": "河南政务服务网“办件查询”，或拨打12345政务服务便民热线", "reviewStandard": "依据《食品经营许可和备案管理办法》第十二条至第十五条审查经营场所、设备设施、管理制度与经营项目是否相适应", "serviceObjects": ["企业法人", "个体工商户", "其他组织"], "promisedLimitDays": 5, "statutoryLimitDays": 20, "intermediaryServices": null}, "entryId": "01a2141b-4707-7140-aa07-97a0cacfdbba", "version": 1, "citation": {"id": "01a2141b-4aa4-7e8c-9403-6857974835b8", "list": "implementation-list", "version": 1, "sequence": 32, "effectiveAt": "2026-11-25T21:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147011000", "sequence": 32, "regionCode": "411000", "effectiveAt": "2026-11-25T21:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}');
INSERT INTO cataloghub.publication_changes VALUES ('134968', 33, 'base-catalogue', 'drafted', '01a2141b-4be4-7784-a257-81e506525612', '411000', '000109008000', '2026-11-25 19:37:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134971', 35, 'base-catalogue', 'published', '01a2141b-4be4-7784-a257-81e506525612', '411000', '000109008000', '2026-11-25 19:37:30.705188+00', '{"id": "01a2141b-4be4-7784-a257-81e506525612:1", "note": "按条例公布", "content": {"name": "一次性创业补贴申领", "category": "公共服务", "legalBases": [{"level": "法律", "title": "中华人民共和国就业促进法", "article": "第十五条"}, {"level": "规范性文件", "title": "河南省就业创业补贴管理办法", "article": "第八条"}], "externalSourceId": null, "competentDepartment": "许昌市人力资源和社会保障局", "implementingAuthority": "许昌市人力资源和社会保障局"}, "entryId": "01a2141b-4be4-7784-a257-81e506525612", "version": 1, "citation": {"id": "01a2141b-4be4-7784-a257-81e506525612", "list": "base-catalogue", "version": 1, "sequence": 35, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000109008000", "sequence": 35, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}');
INSERT INTO cataloghub.publication_changes VALUES ('134972', 36, 'base-catalogue', 'drafted', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', '411000', '000147099000', '2026-11-25 19:37:30.705188+00', NULL);
INSERT INTO cataloghub.publication_changes VALUES ('134975', 38, 'base-catalogue', 'published', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', '411000', '000147099000', '2026-11-25 19:37:30.705188+00', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2:1", "note": "按条例公布", "content": {"name": "食品小作坊登记", "category": "行政许可", "legalBases": [{"level": "法律", "title": "中华人民共和国食品安全法", "article": "第三十五条"}, {"level": "规章", "title": "食品经营许可和备案管理办法", "article": "第二条"}], "externalSourceId": "410000-000147011000", "competentDepartment": "许昌市市场监督管理局", "implementingAuthority": "许昌市市场监督管理局"}, "entryId": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "version": 1, "citation": {"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "list": "base-catalogue", "version": 1, "sequence": 38, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00"}, "itemCode": "000147099000", "sequence": 38, "regionCode": "411000", "derivedFrom": null, "effectiveAt": "2026-11-25T20:07:30.7051884+00:00", "publishedAt": "2026-11-25T19:37:30.7051884+00:00", "publishedBy": "11411000005326026D"}');
INSERT INTO cataloghub.publication_changes VALUES ('134977', 39, 'base-catalogue', 'repealed', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', NULL, NULL, '2026-11-25 19:47:30.705188+00', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "list": "base-catalogue", "basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "sequence": 39, "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}');


--
-- Data for Name: publication_intervals; Type: TABLE DATA; Schema: cataloghub; Owner: -
--

INSERT INTO cataloghub.publication_intervals VALUES ('licence-catalogue', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', '2026-11-25 20:07:30.705188+00', '2026-11-27 19:07:30.705188+00', 1, '01a2141b-40bb-78b3-89ee-8443eb8efbc3:1', NULL, NULL, NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('licence-catalogue', '01a2141b-40bb-78b3-89ee-8443eb8efbc3', '2026-11-27 19:07:30.705188+00', NULL, 2, '01a2141b-40bb-78b3-89ee-8443eb8efbc3:2', NULL, NULL, NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('licence-catalogue', '01a2141b-43b0-7d78-be2f-f2f8675d4f88', '2026-11-25 20:07:30.705188+00', '2026-11-28 19:07:30.705188+00', 1, '01a2141b-43b0-7d78-be2f-f2f8675d4f88:1', NULL, NULL, '{"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "citation": {"id": "01a2141b-43b0-7d78-be2f-f2f8675d4f88", "list": "licence-catalogue", "basis": "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", "reason": "证照整合", "sequence": 21, "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}, "sequence": 21, "recordedAt": "2026-11-25T19:27:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-28T19:07:30.7051884+00:00"}');
INSERT INTO cataloghub.publication_intervals VALUES ('base-catalogue', '01a2141b-4707-7140-aa07-97a0cacfdbba', '2026-11-25 20:07:30.705188+00', '2026-11-27 19:07:30.705188+00', 1, '01a2141b-4707-7140-aa07-97a0cacfdbba:1', '411000', '000147011000', NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('base-catalogue', '01a2141b-4707-7140-aa07-97a0cacfdbba', '2026-11-27 19:07:30.705188+00', NULL, 2, '01a2141b-4707-7140-aa07-97a0cacfdbba:2', '411000', '000147011000', NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('implementation-list', '01a2141b-4aa4-7e8c-9403-6857974835b8', '2026-11-25 21:07:30.705188+00', NULL, 1, '01a2141b-4aa4-7e8c-9403-6857974835b8:1', '411000', '000147011000', NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('base-catalogue', '01a2141b-4be4-7784-a257-81e506525612', '2026-11-25 20:07:30.705188+00', NULL, 1, '01a2141b-4be4-7784-a257-81e506525612:1', '411000', '000109008000', NULL);
INSERT INTO cataloghub.publication_intervals VALUES ('base-catalogue', '01a2141b-4c10-7ef5-b68a-55870a15d8c2', '2026-11-25 20:07:30.705188+00', '2026-11-26 19:07:30.705188+00', 1, '01a2141b-4c10-7ef5-b68a-55870a15d8c2:1', '411000', '000147099000', '{"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "citation": {"id": "01a2141b-4c10-7ef5-b68a-55870a15d8c2", "list": "base-catalogue", "basis": "《河南省食品小作坊、小摊点及食品小经营店管理条例》修正", "reason": "事项调整", "sequence": 39, "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}, "sequence": 39, "recordedAt": "2026-11-25T19:47:30.7051884+00:00", "repealedBy": "11411000005326026D", "effectiveAt": "2026-11-26T19:07:30.7051884+00:00"}');


--
-- Name: mt_events_sequence; Type: SEQUENCE SET; Schema: cataloghub; Owner: -
--

SELECT pg_catalog.setval('cataloghub.mt_events_sequence', 43, true);


--
-- Name: mt_event_progression pk_mt_event_progression; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_event_progression
    ADD CONSTRAINT pk_mt_event_progression PRIMARY KEY (name);


--
-- Name: mt_doc_access_record pkey_mt_doc_access_record_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_access_record
    ADD CONSTRAINT pkey_mt_doc_access_record_id PRIMARY KEY (id);


--
-- Name: mt_doc_api_key_index pkey_mt_doc_api_key_index_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_api_key_index
    ADD CONSTRAINT pkey_mt_doc_api_key_index_id PRIMARY KEY (id);


--
-- Name: mt_doc_deadletterevent pkey_mt_doc_deadletterevent_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_deadletterevent
    ADD CONSTRAINT pkey_mt_doc_deadletterevent_id PRIMARY KEY (id);


--
-- Name: mt_doc_deferral pkey_mt_doc_deferral_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_deferral
    ADD CONSTRAINT pkey_mt_doc_deferral_id PRIMARY KEY (id);


--
-- Name: mt_doc_deferral_version pkey_mt_doc_deferral_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_deferral_version
    ADD CONSTRAINT pkey_mt_doc_deferral_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_department pkey_mt_doc_department_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_department
    ADD CONSTRAINT pkey_mt_doc_department_id PRIMARY KEY (id);


--
-- Name: mt_doc_derived_confirmation pkey_mt_doc_derived_confirmation_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_derived_confirmation
    ADD CONSTRAINT pkey_mt_doc_derived_confirmation_id PRIMARY KEY (id);


--
-- Name: mt_doc_entry pkey_mt_doc_entry_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_entry
    ADD CONSTRAINT pkey_mt_doc_entry_id PRIMARY KEY (id);


--
-- Name: mt_doc_entry_repeal pkey_mt_doc_entry_repeal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_entry_repeal
    ADD CONSTRAINT pkey_mt_doc_entry_repeal_id PRIMARY KEY (id);


--
-- Name: mt_doc_entry_version pkey_mt_doc_entry_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_entry_version
    ADD CONSTRAINT pkey_mt_doc_entry_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_envelope pkey_mt_doc_envelope_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_envelope
    ADD CONSTRAINT pkey_mt_doc_envelope_id PRIMARY KEY (id);


--
-- Name: mt_doc_event_seal pkey_mt_doc_event_seal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_event_seal
    ADD CONSTRAINT pkey_mt_doc_event_seal_id PRIMARY KEY (id);


--
-- Name: mt_doc_filing_acknowledgement pkey_mt_doc_filing_acknowledgement_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_filing_acknowledgement
    ADD CONSTRAINT pkey_mt_doc_filing_acknowledgement_id PRIMARY KEY (id);


--
-- Name: mt_doc_grant pkey_mt_doc_grant_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_grant
    ADD CONSTRAINT pkey_mt_doc_grant_id PRIMARY KEY (id);


--
-- Name: mt_doc_holder_key pkey_mt_doc_holder_key_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_holder_key
    ADD CONSTRAINT pkey_mt_doc_holder_key_id PRIMARY KEY (id);


--
-- Name: mt_doc_idempotency pkey_mt_doc_idempotency_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_idempotency
    ADD CONSTRAINT pkey_mt_doc_idempotency_id PRIMARY KEY (id);


--
-- Name: mt_doc_implementation_list pkey_mt_doc_implementation_list_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_implementation_list
    ADD CONSTRAINT pkey_mt_doc_implementation_list_id PRIMARY KEY (id);


--
-- Name: mt_doc_implementation_list_repeal pkey_mt_doc_implementation_list_repeal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_implementation_list_repeal
    ADD CONSTRAINT pkey_mt_doc_implementation_list_repeal_id PRIMARY KEY (id);


--
-- Name: mt_doc_implementation_list_version pkey_mt_doc_implementation_list_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_implementation_list_version
    ADD CONSTRAINT pkey_mt_doc_implementation_list_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_intermediary_service pkey_mt_doc_intermediary_service_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_intermediary_service
    ADD CONSTRAINT pkey_mt_doc_intermediary_service_id PRIMARY KEY (id);


--
-- Name: mt_doc_intermediary_service_version pkey_mt_doc_intermediary_service_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_intermediary_service_version
    ADD CONSTRAINT pkey_mt_doc_intermediary_service_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_licence pkey_mt_doc_licence_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_licence
    ADD CONSTRAINT pkey_mt_doc_licence_id PRIMARY KEY (id);


--
-- Name: mt_doc_licence_type pkey_mt_doc_licence_type_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_licence_type
    ADD CONSTRAINT pkey_mt_doc_licence_type_id PRIMARY KEY (id);


--
-- Name: mt_doc_licence_type_repeal pkey_mt_doc_licence_type_repeal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_licence_type_repeal
    ADD CONSTRAINT pkey_mt_doc_licence_type_repeal_id PRIMARY KEY (id);


--
-- Name: mt_doc_licence_type_version pkey_mt_doc_licence_type_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_licence_type_version
    ADD CONSTRAINT pkey_mt_doc_licence_type_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_list_item_repeal pkey_mt_doc_list_item_repeal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_list_item_repeal
    ADD CONSTRAINT pkey_mt_doc_list_item_repeal_id PRIMARY KEY (id);


--
-- Name: mt_doc_promise pkey_mt_doc_promise_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_promise
    ADD CONSTRAINT pkey_mt_doc_promise_id PRIMARY KEY (id);


--
-- Name: mt_doc_promise_version pkey_mt_doc_promise_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_promise_version
    ADD CONSTRAINT pkey_mt_doc_promise_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_proof_item pkey_mt_doc_proof_item_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_proof_item
    ADD CONSTRAINT pkey_mt_doc_proof_item_id PRIMARY KEY (id);


--
-- Name: mt_doc_proof_item_version pkey_mt_doc_proof_item_version_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_proof_item_version
    ADD CONSTRAINT pkey_mt_doc_proof_item_version_id PRIMARY KEY (id);


--
-- Name: mt_doc_seal pkey_mt_doc_seal_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_seal
    ADD CONSTRAINT pkey_mt_doc_seal_id PRIMARY KEY (id);


--
-- Name: mt_doc_sealed_stream pkey_mt_doc_sealed_stream_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_sealed_stream
    ADD CONSTRAINT pkey_mt_doc_sealed_stream_id PRIMARY KEY (id);


--
-- Name: mt_doc_subscription pkey_mt_doc_subscription_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_subscription
    ADD CONSTRAINT pkey_mt_doc_subscription_id PRIMARY KEY (id);


--
-- Name: mt_doc_subscription_secret pkey_mt_doc_subscription_secret_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_doc_subscription_secret
    ADD CONSTRAINT pkey_mt_doc_subscription_secret_id PRIMARY KEY (id);


--
-- Name: mt_event_projection_floors pkey_mt_event_projection_floors_name_tenant_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_event_projection_floors
    ADD CONSTRAINT pkey_mt_event_projection_floors_name_tenant_id PRIMARY KEY (name, tenant_id);


--
-- Name: mt_events pkey_mt_events_seq_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_events
    ADD CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id);


--
-- Name: mt_high_water_skips pkey_mt_high_water_skips_ending_sequence; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_high_water_skips
    ADD CONSTRAINT pkey_mt_high_water_skips_ending_sequence PRIMARY KEY (ending_sequence);


--
-- Name: mt_hilo pkey_mt_hilo_entity_name; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_hilo
    ADD CONSTRAINT pkey_mt_hilo_entity_name PRIMARY KEY (entity_name);


--
-- Name: mt_streams pkey_mt_streams_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_streams
    ADD CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id);


--
-- Name: publication_changes pkey_publication_changes_sequence; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.publication_changes
    ADD CONSTRAINT pkey_publication_changes_sequence PRIMARY KEY (sequence);


--
-- Name: publication_intervals pkey_publication_intervals_list_id_effective_at; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.publication_intervals
    ADD CONSTRAINT pkey_publication_intervals_list_id_effective_at PRIMARY KEY (list, id, effective_at);


--
-- Name: wolverine_agent_restrictions pkey_wolverine_agent_restrictions_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_agent_restrictions
    ADD CONSTRAINT pkey_wolverine_agent_restrictions_id PRIMARY KEY (id);


--
-- Name: wolverine_control_queue pkey_wolverine_control_queue_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_control_queue
    ADD CONSTRAINT pkey_wolverine_control_queue_id PRIMARY KEY (id);


--
-- Name: wolverine_dead_letter_history pkey_wolverine_dead_letter_history_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_dead_letter_history
    ADD CONSTRAINT pkey_wolverine_dead_letter_history_id PRIMARY KEY (id);


--
-- Name: wolverine_dead_letters pkey_wolverine_dead_letters_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_dead_letters
    ADD CONSTRAINT pkey_wolverine_dead_letters_id PRIMARY KEY (id);


--
-- Name: wolverine_incoming_envelopes pkey_wolverine_incoming_envelopes_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_incoming_envelopes
    ADD CONSTRAINT pkey_wolverine_incoming_envelopes_id PRIMARY KEY (id);


--
-- Name: wolverine_node_assignments pkey_wolverine_node_assignments_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_node_assignments
    ADD CONSTRAINT pkey_wolverine_node_assignments_id PRIMARY KEY (id);


--
-- Name: wolverine_node_records pkey_wolverine_node_records_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_node_records
    ADD CONSTRAINT pkey_wolverine_node_records_id PRIMARY KEY (id);


--
-- Name: wolverine_nodes pkey_wolverine_nodes_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_nodes
    ADD CONSTRAINT pkey_wolverine_nodes_id PRIMARY KEY (id);


--
-- Name: wolverine_outgoing_envelopes pkey_wolverine_outgoing_envelopes_id; Type: CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_outgoing_envelopes
    ADD CONSTRAINT pkey_wolverine_outgoing_envelopes_id PRIMARY KEY (id);


--
-- Name: idx_wolverine_dead_letter_history_last_replayed_at; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_dead_letter_history_last_replayed_at ON cataloghub.wolverine_dead_letter_history USING btree (last_replayed_at);


--
-- Name: idx_wolverine_dead_letters_failure_group; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_dead_letters_failure_group ON cataloghub.wolverine_dead_letters USING btree (failure_group);


--
-- Name: idx_wolverine_dead_letters_replayable; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_dead_letters_replayable ON cataloghub.wolverine_dead_letters USING btree (replayable) WHERE (replayable = true);


--
-- Name: idx_wolverine_incoming_envelopes_keep_until; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_incoming_envelopes_keep_until ON cataloghub.wolverine_incoming_envelopes USING btree (keep_until) WHERE ((status)::text = 'Handled'::text);


--
-- Name: idx_wolverine_incoming_envelopes_owner; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_incoming_envelopes_owner ON cataloghub.wolverine_incoming_envelopes USING btree (owner_id) WHERE (owner_id <> 0);


--
-- Name: idx_wolverine_incoming_envelopes_recover; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_incoming_envelopes_recover ON cataloghub.wolverine_incoming_envelopes USING btree (received_at) WHERE (((status)::text = 'Incoming'::text) AND (owner_id = 0));


--
-- Name: idx_wolverine_incoming_envelopes_scheduled; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_incoming_envelopes_scheduled ON cataloghub.wolverine_incoming_envelopes USING btree (execution_time) WHERE ((status)::text = 'Scheduled'::text);


--
-- Name: idx_wolverine_outgoing_envelopes_owner; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_outgoing_envelopes_owner ON cataloghub.wolverine_outgoing_envelopes USING btree (owner_id) WHERE (owner_id <> 0);


--
-- Name: idx_wolverine_outgoing_envelopes_recover; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX idx_wolverine_outgoing_envelopes_recover ON cataloghub.wolverine_outgoing_envelopes USING btree (destination) WHERE (owner_id = 0);


--
-- Name: ix_publication_changes_item; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX ix_publication_changes_item ON cataloghub.publication_changes USING btree (list, id);


--
-- Name: ix_publication_changes_position; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX ix_publication_changes_position ON cataloghub.publication_changes USING btree (tx, sequence);


--
-- Name: ix_publication_intervals_region; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX ix_publication_intervals_region ON cataloghub.publication_intervals USING btree (list, region_code, item_code, id) INCLUDE (effective_at, superseded_at, version_id);


--
-- Name: mt_doc_access_record_idx_at; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_access_record_idx_at ON cataloghub.mt_doc_access_record USING btree (at);


--
-- Name: mt_doc_access_record_idx_consumer_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_access_record_idx_consumer_code ON cataloghub.mt_doc_access_record USING btree (consumer_code);


--
-- Name: mt_doc_access_record_idx_holder_ref; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_access_record_idx_holder_ref ON cataloghub.mt_doc_access_record USING btree (holder_ref);


--
-- Name: mt_doc_access_record_idx_sequence; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_access_record_idx_sequence ON cataloghub.mt_doc_access_record USING btree (sequence);


--
-- Name: mt_doc_deferral_idx_owner_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_deferral_idx_owner_department_id ON cataloghub.mt_doc_deferral USING btree (owner_department_id);


--
-- Name: mt_doc_deferral_uidx_region_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_deferral_uidx_region_code ON cataloghub.mt_doc_deferral USING btree (((data ->> 'regionCode'::text)), ((data ->> 'code'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_deferral_version_idx_item_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_deferral_version_idx_item_id ON cataloghub.mt_doc_deferral_version USING btree (item_id);


--
-- Name: mt_doc_deferral_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_deferral_version_idx_version ON cataloghub.mt_doc_deferral_version USING btree (version);


--
-- Name: mt_doc_department_uidx_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_department_uidx_code ON cataloghub.mt_doc_department USING btree (((data ->> 'code'::text)));


--
-- Name: mt_doc_entry_uidx_region_codeitem_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_entry_uidx_region_codeitem_code ON cataloghub.mt_doc_entry USING btree (((data ->> 'regionCode'::text)), ((data ->> 'itemCode'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_entry_version_idx_entry_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_entry_version_idx_entry_id ON cataloghub.mt_doc_entry_version USING btree (entry_id);


--
-- Name: mt_doc_entry_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_entry_version_idx_version ON cataloghub.mt_doc_entry_version USING btree (version);


--
-- Name: mt_doc_event_seal_idx_stream_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_event_seal_idx_stream_id ON cataloghub.mt_doc_event_seal USING btree (stream_id);


--
-- Name: mt_doc_grant_idx_consumer_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_grant_idx_consumer_department_id ON cataloghub.mt_doc_grant USING btree (consumer_department_id);


--
-- Name: mt_doc_grant_idx_type_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_grant_idx_type_code ON cataloghub.mt_doc_grant USING btree (type_code);


--
-- Name: mt_doc_idempotency_idx_expires_at; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_idempotency_idx_expires_at ON cataloghub.mt_doc_idempotency USING btree (expires_at);


--
-- Name: mt_doc_implementation_list_idx_owner_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_implementation_list_idx_owner_department_id ON cataloghub.mt_doc_implementation_list USING btree (owner_department_id);


--
-- Name: mt_doc_implementation_list_uidx_region_codeitem_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_implementation_list_uidx_region_codeitem_code ON cataloghub.mt_doc_implementation_list USING btree (((data ->> 'regionCode'::text)), ((data ->> 'itemCode'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_implementation_list_version_idx_list_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_implementation_list_version_idx_list_id ON cataloghub.mt_doc_implementation_list_version USING btree (list_id);


--
-- Name: mt_doc_implementation_list_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_implementation_list_version_idx_version ON cataloghub.mt_doc_implementation_list_version USING btree (version);


--
-- Name: mt_doc_intermediary_service_idx_owner_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_intermediary_service_idx_owner_department_id ON cataloghub.mt_doc_intermediary_service USING btree (owner_department_id);


--
-- Name: mt_doc_intermediary_service_uidx_region_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_intermediary_service_uidx_region_code ON cataloghub.mt_doc_intermediary_service USING btree (((data ->> 'regionCode'::text)), ((data ->> 'code'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_intermediary_service_version_idx_item_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_intermediary_service_version_idx_item_id ON cataloghub.mt_doc_intermediary_service_version USING btree (item_id);


--
-- Name: mt_doc_intermediary_service_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_intermediary_service_version_idx_version ON cataloghub.mt_doc_intermediary_service_version USING btree (version);


--
-- Name: mt_doc_licence_idx_holder_ref; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_licence_idx_holder_ref ON cataloghub.mt_doc_licence USING btree (holder_ref);


--
-- Name: mt_doc_licence_idx_identifier; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_licence_idx_identifier ON cataloghub.mt_doc_licence USING btree (identifier);


--
-- Name: mt_doc_licence_idx_type_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_licence_idx_type_code ON cataloghub.mt_doc_licence USING btree (type_code);


--
-- Name: mt_doc_licence_type_uidx_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_licence_type_uidx_code ON cataloghub.mt_doc_licence_type USING btree (((data ->> 'code'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_licence_type_version_idx_type_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_licence_type_version_idx_type_id ON cataloghub.mt_doc_licence_type_version USING btree (type_id);


--
-- Name: mt_doc_licence_type_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_licence_type_version_idx_version ON cataloghub.mt_doc_licence_type_version USING btree (version);


--
-- Name: mt_doc_licence_uidx_serial_key; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_licence_uidx_serial_key ON cataloghub.mt_doc_licence USING btree (((data ->> 'serialKey'::text)));


--
-- Name: mt_doc_promise_idx_owner_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_promise_idx_owner_department_id ON cataloghub.mt_doc_promise USING btree (owner_department_id);


--
-- Name: mt_doc_promise_uidx_region_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_promise_uidx_region_code ON cataloghub.mt_doc_promise USING btree (((data ->> 'regionCode'::text)), ((data ->> 'code'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_promise_version_idx_item_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_promise_version_idx_item_id ON cataloghub.mt_doc_promise_version USING btree (item_id);


--
-- Name: mt_doc_promise_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_promise_version_idx_version ON cataloghub.mt_doc_promise_version USING btree (version);


--
-- Name: mt_doc_proof_item_idx_owner_department_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_proof_item_idx_owner_department_id ON cataloghub.mt_doc_proof_item USING btree (owner_department_id);


--
-- Name: mt_doc_proof_item_uidx_region_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX mt_doc_proof_item_uidx_region_code ON cataloghub.mt_doc_proof_item USING btree (((data ->> 'regionCode'::text)), ((data ->> 'code'::text))) WHERE (((data -> 'lifecycle'::text) ->> 'stage'::text) <> 'withdrawn'::text);


--
-- Name: mt_doc_proof_item_version_idx_item_id; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_proof_item_version_idx_item_id ON cataloghub.mt_doc_proof_item_version USING btree (item_id);


--
-- Name: mt_doc_proof_item_version_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_proof_item_version_idx_version ON cataloghub.mt_doc_proof_item_version USING btree (version);


--
-- Name: mt_doc_seal_idx_department_code; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_seal_idx_department_code ON cataloghub.mt_doc_seal USING btree (department_code);


--
-- Name: mt_doc_sealed_stream_idx_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE INDEX mt_doc_sealed_stream_idx_version ON cataloghub.mt_doc_sealed_stream USING btree (version);


--
-- Name: pk_mt_events_stream_and_version; Type: INDEX; Schema: cataloghub; Owner: -
--

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON cataloghub.mt_events USING btree (stream_id, version);


--
-- Name: mt_events fkey_mt_events_stream_id; Type: FK CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.mt_events
    ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES cataloghub.mt_streams(id) ON DELETE CASCADE;


--
-- Name: wolverine_node_assignments fkey_wolverine_node_assignments_node_id; Type: FK CONSTRAINT; Schema: cataloghub; Owner: -
--

ALTER TABLE ONLY cataloghub.wolverine_node_assignments
    ADD CONSTRAINT fkey_wolverine_node_assignments_node_id FOREIGN KEY (node_id) REFERENCES cataloghub.wolverine_nodes(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


