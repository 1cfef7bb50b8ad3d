package io.aether.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aether.agents.offline.OfflineEngine.Reply;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline engine's sentence table over the demo home: each sentence with the exact answer it
 * gets, or the proposal (service call, or automation triggers, conditions and actions) it makes.
 */
class OfflineSentencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OfflineEngine ENGINE = new OfflineEngine(DemoHomeFixture.home());

    static Stream<Row> table() {
        return Stream.of(
                // state questions
                answer("which lights are on in the kitchen?", "Kitchen ceiling light is on in Kitchen."),
                answer("Which lights are on?", "Bedside lamp, Kitchen ceiling light and Living room light are on."),
                answer("what lights are on in the kitchn", "Kitchen ceiling light is on in Kitchen."),
                answer("is the front door locked?", "Yes, Front door is locked."),
                answer("Is the back door locked?", "No, Back door is unlocked."),
                answer("is the front door open?", "No, Front door contact is closed."),
                answer("is the bedroom window open?", "Yes, Bedroom window is open."),
                answer("is the living room light on?", "Yes, Living room light is on (71%)."),
                answer("is the coffee maker on?", "No, Coffee maker is off."),
                answer("is guest mode on?", "No, Guest mode is off."),
                answer(
                        "are the kitchen lights on?",
                        "No, only 1 of 2 is on (Kitchen ceiling light: on (100%) and Kitchen counter light: off)."),
                answer(
                        "what is the living room temperature?",
                        "The temperature in Living room is 20.8 °C (Living room temperature)."),
                answer(
                        "what's the temperature in the kitchn?",
                        "The temperature in Kitchen is 21.5 °C (Kitchen temperature)."),
                answer(
                        "how warm is it in the bedroom?",
                        "The temperature in Bedroom is 18.9 °C (Bedroom temperature)."),
                answer("how cold is it in the backyard", "The temperature in Garden is 6.5 °C (Outdoor temperature)."),
                answer("what is the humidity in the bedroom?", "The humidity in Bedroom is 52 % (Bedroom humidity)."),
                answer("what is the outdoor temperature?", "Outdoor temperature is 6.5 °C."),
                answer(
                        "what is the temperature?",
                        "Temperature: Bedroom temperature 18.9 °C, Kitchen temperature 21.5 °C, Living room"
                                + " temperature 20.8 °C and Outdoor temperature 6.5 °C."),
                answer(
                        "how many lights are on?",
                        "3 lights are on (of 8): Bedside lamp, Kitchen ceiling light and Living room light."),
                answer("how many lights are on in the bedroom?", "1 light is on in Bedroom (of 2): Bedside lamp."),
                answer("how many locks are unlocked?", "1 lock is unlocked (of 2): Back door."),
                answer("how many doors are closed?", "2 doors are closed (of 2): Front door contact and Garage door."),
                answer(
                        "how many sensors do I have?",
                        "You have 9 sensors: Bedroom window, Front door contact, Hall motion, Kitchen motion, Bedroom"
                                + " humidity, Bedroom temperature, Kitchen temperature, Living room temperature and"
                                + " Outdoor temperature."),
                answer(
                        "list the sensors in the bedroom",
                        "Sensors in Bedroom (3): Bedroom window is open; Bedroom humidity is 52 %; Bedroom temperature"
                                + " is 18.9 °C."),
                answer(
                        "list the lights in the kitchen",
                        "Lights in Kitchen (2): Kitchen ceiling light is on (100%); Kitchen counter light is off."),
                answer(
                        "what lights are in the bedroom?",
                        "Lights in Bedroom (2): Bedroom light is off; Bedside lamp is on (25%)."),
                answer(
                        "what is in the hall?",
                        "Devices in Hall (4): Front door contact is closed; Hall motion is clear; Hall light is off;"
                                + " Front door is locked."),
                answer("are any windows open?", "Bedroom window is open."),
                answer("which doors are open?", "No doors are open (of 2)."),
                answer("which locks are locked?", "Front door is locked."),
                answer("is anything on in the kitchen?", "Kitchen motion and Kitchen ceiling light are on in Kitchen."),
                answer("what is on in the living room?", "Thermostat and Living room light are on in Living room."),
                answer(
                        "is there motion in the kitchen?",
                        "Yes, motion is detected in Kitchen (Kitchen motion: detecting motion)."),
                answer("is there any motion in the hallway", "No, there is no motion in Hall (Hall motion: clear)."),
                answer("what is the thermostat set to?", "Thermostat is heat, set to 20 °C, currently 20.8 °C."),
                answer("what is the state of the garage door?", "Garage door is closed."),
                answer("where is the coffee maker?", "Coffee maker is in Kitchen."),
                answer("is the sun up?", "Yes, the sun is above the horizon."),
                answer("is it dark outside?", "No, the sun is above the horizon."),
                answer("is the hall light on or off?", "Hall light is off."),
                answer(
                        "what rooms are there?",
                        "Your home has 7 areas: Bathroom, Bedroom, Garage, Garden, Hall, Kitchen and Living room."),

                // one-off commands
                command("turn off the hall light", "light", "turn_off", List.of("light.hall"), "{}"),
                command("please turn on the hallway light", "light", "turn_on", List.of("light.hall"), "{}"),
                command("turn the bedroom light off", "light", "turn_off", List.of("light.bedroom"), "{}"),
                command("turn on the bedroom lamp", "light", "turn_on", List.of("light.bedroom"), "{}"),
                command("turn on the livng room light", "light", "turn_on", List.of("light.living_room"), "{}"),
                command("turn on the kichen ceiling lamp", "light", "turn_on", List.of("light.kitchen_ceiling"), "{}"),
                command("turn off the floor lamp", "light", "turn_off", List.of("light.floor_lamp"), "{}"),
                command(
                        "turn on all lights in the kitchen",
                        "light",
                        "turn_on",
                        List.of("light.kitchen_ceiling", "light.kitchen_counter"),
                        "{}"),
                command(
                        "turn on the kitchn lights",
                        "light",
                        "turn_on",
                        List.of("light.kitchen_ceiling", "light.kitchen_counter"),
                        "{}"),
                command(
                        "switch on the hall light and the floor lamp",
                        "light",
                        "turn_on",
                        List.of("light.hall", "light.floor_lamp"),
                        "{}"),
                command(
                        "turn off everything in the kitchen",
                        "homeassistant",
                        "turn_off",
                        List.of("light.kitchen_ceiling", "light.kitchen_counter", "switch.coffee_maker"),
                        "{}"),
                command("switch the coffee maker on", "switch", "turn_on", List.of("switch.coffee_maker"), "{}"),
                command("toggle guest mode", "input_boolean", "toggle", List.of("input_boolean.guest_mode"), "{}"),
                command("turn on the bathroom fan", "fan", "turn_on", List.of("fan.bathroom"), "{}"),
                command(
                        "set the bedroom light to 50%",
                        "light", "turn_on", List.of("light.bedroom"), "{'brightness_pct':50}"),
                command(
                        "dim the floor lamp to 30 percent",
                        "light",
                        "turn_on",
                        List.of("light.floor_lamp"),
                        "{'brightness_pct':30}"),
                command(
                        "set the bedroom blinds to 40%",
                        "cover", "set_cover_position", List.of("cover.bedroom_blinds"), "{'position':40}"),
                command(
                        "set the bathroom fan to 60%",
                        "fan", "set_percentage", List.of("fan.bathroom"), "{'percentage':60}"),
                command("lock the front door", "lock", "lock", List.of("lock.front_door"), "{}"),
                command("unlock the back door", "lock", "unlock", List.of("lock.back_door"), "{}"),
                command("open the blinds", "cover", "open_cover", List.of("cover.bedroom_blinds"), "{}"),
                command("lower the bedroom blinds", "cover", "close_cover", List.of("cover.bedroom_blinds"), "{}"),
                command("close the garage door", "cover", "close_cover", List.of("cover.garage_door"), "{}"),
                command(
                        "set the thermostat to 21 degrees",
                        "climate",
                        "set_temperature",
                        List.of("climate.thermostat"),
                        "{'temperature':21}"),
                command(
                        "set the living room temperature to 22.5°C",
                        "climate",
                        "set_temperature",
                        List.of("climate.thermostat"),
                        "{'temperature':22.5}"),

                // automations
                automation(
                        "when motion is detected in the hallway after sunset turn on the hallway light",
                        "[{'trigger':'state','entity_id':'binary_sensor.hall_motion','to':'on'}]",
                        "[{'condition':'sun','after':'sunset'}]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "turn on the hall light when motion is detected in the hall at night",
                        "[{'trigger':'state','entity_id':'binary_sensor.hall_motion','to':'on'}]",
                        "[{'condition':'state','entity_id':'sun.sun','state':'below_horizon'}]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when motion stops in the hallway for 5 minutes turn off the hall light",
                        "[{'trigger':'state','entity_id':'binary_sensor.hall_motion','to':'off','for':{'minutes':5}}]",
                        "[]",
                        "[{'action':'light.turn_off','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when the front door opens, turn on the hall light",
                        "[{'trigger':'state','entity_id':'binary_sensor.front_door','to':'on'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when the front door is unlocked turn on the hall light",
                        "[{'trigger':'state','entity_id':'lock.front_door','to':'unlocked'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when the hall light turns on turn on the floor lamp",
                        "[{'trigger':'state','entity_id':'light.hall','to':'on'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.floor_lamp'}}]"),
                automation(
                        "when motion is detected in the kitchen turn on the kitchen lights and turn off the coffee maker",
                        "[{'trigger':'state','entity_id':'binary_sensor.kitchen_motion','to':'on'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':['light.kitchen_ceiling',"
                                + "'light.kitchen_counter']}},"
                                + "{'action':'switch.turn_off','target':{'entity_id':'switch.coffee_maker'}}]"),
                automation(
                        "when motion is detected in the hallway between 22:00 and 6:00 set the hall light to 20%",
                        "[{'trigger':'state','entity_id':'binary_sensor.hall_motion','to':'on'}]",
                        "[{'condition':'time','after':'22:00:00','before':'06:00:00'}]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'},'data':{'brightness_pct':20}}]"),
                automation(
                        "when motion is detected in the hallway after sunset and before 23:00 turn on the hall light",
                        "[{'trigger':'state','entity_id':'binary_sensor.hall_motion','to':'on'}]",
                        "[{'condition':'sun','after':'sunset'},{'condition':'time','before':'23:00:00'}]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when the sun sets turn on the living room light",
                        "[{'trigger':'sun','event':'sunset'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.living_room'}}]"),
                automation(
                        "at sunrise turn off the floor lamp",
                        "[{'trigger':'sun','event':'sunrise'}]",
                        "[]",
                        "[{'action':'light.turn_off','target':{'entity_id':'light.floor_lamp'}}]"),
                automation(
                        "at 7:30 turn on the coffee maker",
                        "[{'trigger':'time','at':'07:30:00'}]",
                        "[]",
                        "[{'action':'switch.turn_on','target':{'entity_id':'switch.coffee_maker'}}]"),
                automation(
                        "every day at 6:45 pm turn on the living room light",
                        "[{'trigger':'time','at':'18:45:00'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.living_room'}}]"),
                automation(
                        "turn on the coffee maker every day at 7 am",
                        "[{'trigger':'time','at':'07:00:00'}]",
                        "[]",
                        "[{'action':'switch.turn_on','target':{'entity_id':'switch.coffee_maker'}}]"),
                automation(
                        "if the outdoor temperature drops below 0 turn on the garage light",
                        "[{'trigger':'numeric_state','entity_id':'sensor.outdoor_temperature','below':0}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.garage'}}]"),
                automation(
                        "when the bedroom temperature goes above 25 degrees turn on the bathroom fan",
                        "[{'trigger':'numeric_state','entity_id':'sensor.bedroom_temperature','above':25}]",
                        "[]",
                        "[{'action':'fan.turn_on','target':{'entity_id':'fan.bathroom'}}]"),
                automation(
                        "when someone enters the kitchen turn on the kitchen ceiling light",
                        "[{'trigger':'state','entity_id':'binary_sensor.kitchen_motion','to':'on'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.kitchen_ceiling'}}]"),
                automation(
                        "when it gets dark turn on the living room light",
                        "[{'trigger':'sun','event':'sunset'}]",
                        "[]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.living_room'}}]"),
                automation(
                        "turn off the hall light at midnight",
                        "[{'trigger':'time','at':'00:00:00'}]",
                        "[]",
                        "[{'action':'light.turn_off','target':{'entity_id':'light.hall'}}]"),
                automation(
                        "when the garage door opens turn on the garage light during the day",
                        "[{'trigger':'state','entity_id':'cover.garage_door','to':'open'}]",
                        "[{'condition':'state','entity_id':'sun.sun','state':'above_horizon'}]",
                        "[{'action':'light.turn_on','target':{'entity_id':'light.garage'}}]"),

                // honest refusals and help
                answer("how bright is it in the kitchen?", "I found no illuminance sensor in Kitchen."),
                answer(
                        "which lights are on in the attic?",
                        "I do not know the area \"attic\"; your areas are Bathroom, Bedroom, Garage, Garden, Hall,"
                                + " Kitchen and Living room."),
                answer("at 25:00 turn on the hall light", "\"25:00\" is not a time of day."),
                answer(
                        "turn on the kitchen temperature",
                        "Kitchen temperature (sensor.kitchen_temperature) cannot be" + " switched on or off."),
                answer("lock the hall light", "Hall light (light.hall) cannot be locked or unlocked."),
                answer("turn on the front door", "Front door (lock.front_door) cannot be switched on or off."),
                answer("turn on the attic light", "I could not find \"attic light\" in your home."),
                answer("set the thermostat to 50 degrees", "Thermostat accepts 7 to 30 degrees; 50 is out of range."),
                answer(
                        "set the kitchen ceiling light to 120%",
                        "A percentage goes from 0 to 100; 120 is out of range."),
                answer(
                        "when motion is detected in the garage turn on the garage light",
                        "I found no motion sensor in Garage."),
                answer(
                        "when the coffee maker dances turn on the hall light",
                        "I did not understand the trigger \"the coffee maker dances\"; say for example \"when motion"
                                + " is detected in the hallway\", \"when the front door opens\", \"when the sun sets\" or"
                                + " \"at 7:30\"."),
                answerStarting(
                        "what is the meaning of life", "Sorry, I did not understand \"what is the meaning of life\"."),
                answerStarting("make me a sandwich", "Sorry, I did not understand \"make me a sandwich\"."),
                answerStarting("help", "Hello! I am Aether's offline assistant. No language model is configured"),
                answer("thank you", "You are welcome."),
                answerStarting(
                        "turn off the hall light " + "and the hall light ".repeat(30),
                        "That message is too" + " long for me"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void sentence(Row row) throws Exception {
        Reply reply = ENGINE.answer(row.sentence());
        switch (row.kind()) {
            case ANSWER -> {
                assertThat(reply.isProposal()).as("a text answer").isFalse();
                assertThat(reply.text()).isEqualTo(row.expected());
            }
            case ANSWER_STARTING -> {
                assertThat(reply.isProposal()).as("a text answer").isFalse();
                assertThat(reply.text()).startsWith(row.expected()).contains("turn off the hall light");
            }
            case COMMAND -> {
                assertThat(reply.isProposal())
                        .as("a proposal, not: " + reply.text())
                        .isTrue();
                JsonNode args = JSON.valueToTree(reply.arguments());
                assertThat(args.get("proposal_type").asText()).isEqualTo("entity_command");
                assertThat(args.get("title").asText()).isNotBlank();
                assertThat(args.get("description").asText()).isNotBlank();
                assertThat(args.get("service_call")).isEqualTo(json(row.expected()));
            }
            case AUTOMATION -> {
                assertThat(reply.isProposal())
                        .as("a proposal, not: " + reply.text())
                        .isTrue();
                JsonNode args = JSON.valueToTree(reply.arguments());
                assertThat(args.get("proposal_type").asText()).isEqualTo("automation");
                assertThat(args.get("title").asText()).isNotBlank();
                JsonNode config = args.get("config");
                assertThat(config.get("alias").asText())
                        .isEqualTo(args.get("title").asText());
                assertThat(config.get("mode").asText()).isEqualTo("single");
                assertThat(config.get("triggers")).isEqualTo(json(row.triggers()));
                assertThat(config.get("conditions")).isEqualTo(json(row.conditions()));
                assertThat(config.get("actions")).isEqualTo(json(row.expected()));
            }
        }
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    enum Kind {
        ANSWER,
        ANSWER_STARTING,
        COMMAND,
        AUTOMATION
    }

    /** One sentence and what it must give; {@code expected}: the text, service call or actions. */
    record Row(String sentence, Kind kind, String expected, String triggers, String conditions) {
        @Override
        public String toString() {
            return sentence;
        }
    }

    private static Row answer(String sentence, String text) {
        return new Row(sentence, Kind.ANSWER, text, null, null);
    }

    private static Row answerStarting(String sentence, String start) {
        return new Row(sentence, Kind.ANSWER_STARTING, start, null, null);
    }

    private static Row command(String sentence, String domain, String service, List<String> ids, String data) {
        String serviceCall = "{'domain':'" + domain + "','service':'" + service + "','entity_id':['"
                + String.join("','", ids) + "'],'data':" + data + "}";
        return new Row(sentence, Kind.COMMAND, serviceCall, null, null);
    }

    private static Row automation(String sentence, String triggers, String conditions, String actions) {
        return new Row(sentence, Kind.AUTOMATION, actions, triggers, conditions);
    }
}
