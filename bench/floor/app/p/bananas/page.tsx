import { BlankPage } from "../../blank-page";

export default BlankPage;
